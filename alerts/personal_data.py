"""Subscriptions in the personal-data registry.

Export lists a person's subscriptions; erasure deletes them (there is nothing
to count afterwards). Retention: a subscription that is never confirmed is
deleted after ALERTS_CONFIRM_DAYS; a confirmed one is kept as long as the
person wants the alerts, and deleted the moment they unsubscribe.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from privacy import personal_data

from . import tokens
from .models import Subscription


def export(email):
    return [
        {
            "email": subscription.email,
            "language": subscription.language,
            "kinds": subscription.kinds,
            "status": subscription.status,
            "subscribed_at": subscription.created_at.isoformat(),
            "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
            "consent_at": subscription.consent_at.isoformat() if subscription.consent_at else None,
            "consent_version": subscription.consent_version,
            "last_digest_at": subscription.last_digest_at.isoformat() if subscription.last_digest_at else None,
        }
        for subscription in Subscription.objects.filter(email=email).order_by("language")
    ]


def erase(email):
    return Subscription.objects.filter(email=email).delete()[0]


def anonymise_expired(now):
    cutoff = now - timedelta(days=tokens.confirm_days())
    unconfirmed = Subscription.objects.filter(status=Subscription.Status.PENDING)
    expired = Q(confirmation_sent_at__lt=cutoff) | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    return unconfirmed.filter(expired).delete()[0]


SOURCE = personal_data.Source(
    label="alerts.subscription",
    name=_("alert subscriptions"),
    description="Subscriptions to the e-mail alerts (address, language, kinds of content)",
    export=export,
    erase=erase,
    anonymise_expired=anonymise_expired,
)
