"""Subscribing, confirming and unsubscribing.

Whatever the address's state, the person who fills in the form gets the same
answer ("check your mailbox"), so the form tells nobody who is subscribed. The
owner of the address decides, by confirming:

- a new address gets a pending subscription and a confirmation e-mail;
- a pending one gets the new choice and, at most once per ALERTS_RESEND_MINUTES,
  another confirmation e-mail;
- a confirmed one keeps what it receives; a confirmation e-mail offers the new
  choice (same limit), applied only when confirmed.

The subscription and its e-mail are saved in one transaction (the outbox).
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from privacy import personal_data

from . import kinds as content
from . import mail, tokens
from .models import Subscription


def resend_after():
    return timedelta(minutes=int(getattr(settings, "ALERTS_RESEND_MINUTES", 15)))


def subscribe(email, language, kinds):
    """Record a request to follow `kinds` in `language`; returns the subscription."""
    email = personal_data.normalise_email(email)
    now = timezone.now()
    try:
        with transaction.atomic():
            subscription, created = Subscription.objects.select_for_update().get_or_create(
                email=email,
                language=language,
                defaults={"kinds": kinds, "consent_at": now, "consent_version": personal_data.CONSENT_VERSION},
            )
            if (
                not created
                and subscription.confirmation_sent_at
                and now - subscription.confirmation_sent_at < resend_after()
            ):
                if not subscription.is_confirmed:
                    Subscription.objects.filter(pk=subscription.pk).update(kinds=kinds)
                return subscription
            fields = {"confirmation_sent_at": now}
            if not subscription.is_confirmed:
                fields |= {"kinds": kinds, "consent_at": now, "consent_version": personal_data.CONSENT_VERSION}
            Subscription.objects.filter(pk=subscription.pk).update(**fields)
            mail.send_confirmation(subscription, kinds, already_confirmed=subscription.is_confirmed)
    except IntegrityError:
        # The same address sent the form twice at once: the other request wrote the row and its e-mail.
        return Subscription.objects.get(email=email, language=language)
    return subscription


def confirm(token):
    """Apply a confirmation link; returns the subscription, or None when the link is not (or no longer) valid."""
    read = tokens.read_confirmation(token)
    if read is None:
        return None
    key, asked = read
    kinds = [kind for kind in content.available() if kind in asked]
    if not kinds:
        return None
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(key=key).first()
        if subscription is None:
            return None
        subscription.kinds = kinds
        if not subscription.is_confirmed:
            subscription.status = Subscription.Status.CONFIRMED
            subscription.confirmed_at = timezone.now()
            subscription.consent_at = subscription.confirmed_at
            subscription.consent_version = personal_data.CONSENT_VERSION
        subscription.save()
    return subscription


def find(token):
    """The subscription an unsubscribe link is for (None when gone or forged)."""
    key = tokens.read_unsubscribe(token)
    return Subscription.objects.filter(key=key).first() if key else None


def unsubscribe(token):
    """Delete the subscription of an unsubscribe link. True when the link is genuine
    (even if it was already used: unsubscribing twice is not an error)."""
    key = tokens.read_unsubscribe(token)
    if key is None:
        return False
    Subscription.objects.filter(key=key).delete()
    return True
