"""Subscriptions in the personal-data registry: export, erasure, expiry of unconfirmed ones."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Subscription
from privacy import personal_data

pytestmark = pytest.mark.django_db


def test_export_lists_every_subscription_of_the_address():
    Subscription.objects.create(email="ada@example.org", language="en", kinds=["methods"])
    Subscription.objects.create(
        email="ada@example.org", language="fr", kinds=["films"], status="confirmed", confirmed_at=timezone.now()
    )
    Subscription.objects.create(email="other@example.org", language="en", kinds=["films"])

    exported = personal_data.export("ADA@example.org")["alerts.subscription"]

    assert [(row["language"], row["kinds"], row["status"]) for row in exported] == [
        ("en", ["methods"], "pending"),
        ("fr", ["films"], "confirmed"),
    ]


def test_erasure_deletes_the_subscriptions_and_the_command_answers_it():
    Subscription.objects.create(email="ada@example.org", language="en", kinds=["methods"])
    Subscription.objects.create(email="other@example.org", language="en", kinds=["films"])

    call_command("personal_data", "erase", "--email", "ada@example.org", stdout=io.StringIO())

    assert list(Subscription.objects.values_list("email", flat=True)) == ["other@example.org"]


def test_unconfirmed_subscriptions_expire_after_the_confirmation_period_and_confirmed_ones_stay():
    now = timezone.now()
    old = now - timedelta(days=8)
    stale = Subscription.objects.create(email="stale@example.org", language="en", kinds=["methods"])
    Subscription.objects.filter(pk=stale.pk).update(created_at=old, confirmation_sent_at=old)
    Subscription.objects.create(email="fresh@example.org", language="en", kinds=["methods"], confirmation_sent_at=now)
    kept = Subscription.objects.create(
        email="kept@example.org", language="en", kinds=["methods"], status="confirmed", confirmed_at=old
    )
    Subscription.objects.filter(pk=kept.pk).update(created_at=old - timedelta(days=400))

    counts = personal_data.anonymise_expired()

    assert counts["alerts.subscription"] == 1
    assert sorted(Subscription.objects.values_list("email", flat=True)) == ["fresh@example.org", "kept@example.org"]
