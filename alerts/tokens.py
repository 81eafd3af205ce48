"""Signed links: confirming a subscription (for a week) and unsubscribing (for as long as it exists).

Each token signs the subscription's random key with Django's signing (HMAC with
SECRET_KEY, one salt per purpose), so a link can be neither guessed nor turned
into the other kind, and it stops working once the subscription is deleted.
The confirmation token also signs the kinds asked for: confirming applies
exactly what was asked, even when someone else changed the pending row since.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def confirm_days():
    return int(getattr(settings, "ALERTS_CONFIRM_DAYS", 7))


def confirmation(subscription, kinds):
    return signing.dumps({"k": subscription.key, "t": list(kinds)}, salt=CONFIRM_SALT, compress=True)


def read_confirmation(token):
    """(key, kinds), or None for a token that is forged, damaged or too old."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_days() * 24 * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("k"), str) or not isinstance(data.get("t"), list):
        return None
    return data["k"], [kind for kind in data["t"] if isinstance(kind, str)]


def unsubscribe(subscription):
    return signing.dumps(subscription.key, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token):
    try:
        key = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return key if isinstance(key, str) else None
