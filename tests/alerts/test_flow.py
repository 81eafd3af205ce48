"""From the form to the last e-mail, through the outbox and a real SMTP conversation:
subscribe, confirm, a method is published and announced once, one-click unsubscribe, silence."""

import io

import pytest
from django.core.management import call_command

from alerts.models import AlertedItem, Subscription

from .conftest import link_in, path_of, run_worker, smtp_server
from .factories import publish_method

pytestmark = pytest.mark.django_db


def send_alerts():
    """What cron runs: `manage.py send_alerts`."""
    call_command("send_alerts", stdout=io.StringIO())


def test_subscribe_confirm_digest_and_one_click_unsubscribe(outbox_settings, client, settings, subscribe_data):
    # The confirmation is queued even while the mail server is down; the visitor is not kept waiting.
    response = client.post("/en/alerts/", subscribe_data)
    assert response.status_code == 302 and response["Location"] == "/en/alerts/sent/"
    subscription = Subscription.objects.get(email="reader@example.org")
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.kinds == ["methods", "films"]

    with smtp_server(settings) as inbox:
        run_worker()
        (confirmation,) = inbox.messages
        assert confirmation["To"] == "reader@example.org"
        assert "List-Unsubscribe" not in confirmation
        confirm_path = path_of(link_in(confirmation, "/alerts/confirm/"))

        # Opening the link (as a mail scanner would) confirms nothing; the button does.
        assert client.get(confirm_path).status_code == 200
        assert Subscription.objects.get().status == Subscription.Status.PENDING
        assert client.post(confirm_path).status_code == 200
        subscription.refresh_from_db()
        assert subscription.status == Subscription.Status.CONFIRMED and subscription.confirmed_at

        # Content published before this run is not announced to someone who confirmed later.
        send_alerts()
        run_worker()
        assert len(inbox.messages) == 1

        method = publish_method(title="Listening circles")
        send_alerts()
        send_alerts()  # nothing new: nothing sent twice
        run_worker()
        assert len(inbox.messages) == 2
        digest = inbox.messages[1]
        body = digest.get_body(("plain",)).get_content()
        assert "Listening circles" in body
        assert f"http://testserver{method.url}" in body
        assert digest["Subject"] == "New on STEPS: 1 item"
        assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        header_url = "".join(str(digest["List-Unsubscribe"]).split()).strip("<>")
        assert header_url.startswith("http://testserver/en/alerts/unsubscribe/")
        assert header_url in body  # the same link, for people
        assert AlertedItem.objects.filter(page=method).count() == 1

        # The mail client's one-click POST (RFC 8058): no CSRF token, no page to visit.
        client.handler.enforce_csrf_checks = True
        response = client.post(
            path_of(header_url), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
        assert not Subscription.objects.exists()

        publish_method(title="After unsubscribing")
        send_alerts()
        run_worker()
        assert len(inbox.messages) == 2  # no more mail


def test_a_digest_holds_only_the_subscribers_language_and_kinds(client):
    from django.core import mail
    from django.utils import timezone

    now = timezone.now()
    english = Subscription.objects.create(
        email="en@example.org", language="en", kinds=["methods"], status="confirmed", confirmed_at=now
    )
    Subscription.objects.create(
        email="films@example.org", language="en", kinds=["films"], status="confirmed", confirmed_at=now
    )
    Subscription.objects.create(
        email="fr@example.org", language="fr", kinds=["methods"], status="confirmed", confirmed_at=now
    )
    Subscription.objects.create(email="pending@example.org", language="en", kinds=["methods"])
    send_alerts()  # the demo content is dealt with, not announced
    mail.outbox.clear()

    publish_method(title="Only in English")
    send_alerts()

    assert [message.to for message in mail.outbox] == [[english.email]]
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_french_digest_is_written_in_french_with_french_links():
    from django.core import mail
    from django.utils import timezone

    Subscription.objects.create(
        email="lea@example.org", language="fr", kinds=["methods"], status="confirmed", confirmed_at=timezone.now()
    )
    send_alerts()
    page = publish_method(language="fr", title="Cercles d’écoute")
    send_alerts()

    (message,) = mail.outbox
    assert "Cercles d’écoute" in message.body
    assert "/fr/alerts/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert f"http://testserver{page.url}" in message.body
    assert message.subject == "Nouveau sur STEPS : 1 contenu"


def test_development_refuses_a_sending_backend(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with pytest.raises(CommandError, match="console"):
        call_command("send_alerts")


def test_a_run_that_meets_items_another_run_recorded_writes_nothing(monkeypatch):
    from django.core import mail
    from django.utils import timezone

    from alerts import digest

    Subscription.objects.create(
        email="once@example.org", language="en", kinds=["methods"], status="confirmed", confirmed_at=timezone.now()
    )
    send_alerts()
    page = publish_method(title="Announced by the other run")
    found = digest.new_items()
    AlertedItem.objects.create(page=page, kind="methods")  # the other run committed first
    monkeypatch.setattr(digest, "new_items", lambda: found)
    errors = io.StringIO()

    call_command("send_alerts", stdout=io.StringIO(), stderr=errors)

    assert "Another send_alerts run" in errors.getvalue()
    assert mail.outbox == []


def test_example_content_is_announced_marked_as_an_example():
    from django.core import mail
    from django.utils import timezone

    Subscription.objects.create(
        email="ex@example.org", language="en", kinds=["methods"], status="confirmed", confirmed_at=timezone.now()
    )
    send_alerts()
    publish_method(title="A demonstration method", is_example=True)
    send_alerts()

    (message,) = mail.outbox
    assert "- A demonstration method (example)" in message.body
