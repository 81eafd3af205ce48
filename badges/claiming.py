"""Delivery: the claim link the recipient gets by e-mail, and what the claim page offers.

The link carries a token made with Django's `TimestampSigner` (salted for this
use) over the award's public id: nothing is stored, it cannot be forged without
SECRET_KEY, and it is refused after `BADGES_CLAIM_DAYS` days (default 60). The
signed value is then base64url-encoded, because Wagtail's page addresses allow
only letters, digits, "-" and "_" in a path segment (the signer's ":" is not).
An expired link is refused with a page that says how to get a new one: whoever
may award the badge sends the link again from the admin.

The e-mail is written in the recipient's language and put in the outbox in the
transaction that records the award, so the award and its e-mail are saved
together or not at all, and a mail server that is away loses nothing.
"""

import base64
import binascii
import uuid
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from outbox import tasks as outbox

from .credentials import absolute

SALT = "badges.claim"
LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


class ClaimRefused(Exception):
    """The link is not one this site made (mistyped, cut short or changed)."""


class ClaimExpired(ClaimRefused):
    """The link was genuine but is older than BADGES_CLAIM_DAYS."""


def claim_days():
    return int(getattr(settings, "BADGES_CLAIM_DAYS", 60))


def _signer():
    return signing.TimestampSigner(salt=SALT)


def make_token(award):
    signed = _signer().sign(award.public_id.hex)
    return base64.urlsafe_b64encode(signed.encode("ascii")).decode("ascii").rstrip("=")


def read_token(token):
    """The award a claim token names. Raises ClaimExpired or ClaimRefused."""
    from .models import Award

    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        raise ClaimRefused(token) from None
    try:
        value = _signer().unsign(signed, max_age=timedelta(days=claim_days()))
        public_id = uuid.UUID(hex=value)
    except signing.SignatureExpired:
        raise ClaimExpired(token) from None
    except (signing.BadSignature, ValueError):
        raise ClaimRefused(token) from None
    award = (
        Award.objects.filter(public_id=public_id)
        .select_related("achievement", "achievement__locale", "issuer", "status")
        .first()
    )
    if award is None:  # erased since
        raise ClaimRefused(token)
    return award


def catalogue_in(language):
    """The live badge catalogue in `language`, else in the default language."""
    from .models import BadgesIndexPage

    pages = {page.locale.language_code: page for page in BadgesIndexPage.objects.live().select_related("locale")}
    return pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)


def _sub_url(language, route, *args):
    index = catalogue_in(language)
    if index is None:
        return ""
    return absolute(index.url + index.reverse_subpage(route, args=args))


def claim_url(award, language=None, route="claim"):
    return _sub_url(language or award.language, route, make_token(award))


def public_url(award, language=None):
    return _sub_url(language or award.language, "award", str(award.public_id))


def achievement_in(award, language):
    """The awarded badge's page in `language` when it is translated and live, else the one awarded."""
    page = award.achievement
    if page.locale.language_code == language:
        return page
    translated = page.get_translations().live().filter(locale__language_code=language).first()
    return translated.specific if translated is not None else page


def linkedin_url(award, cert_url):
    """LinkedIn's "Add licence or certification" form, filled in with the badge."""
    issued = award.valid_from
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.achievement.title,
        "organizationName": award.issuer.name,
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": cert_url,
        "certId": str(award.public_id),
    }
    if award.valid_until:
        params["expirationYear"] = award.valid_until.year
        params["expirationMonth"] = award.valid_until.month
    return f"{LINKEDIN_ADD}?{urlencode(params)}"


def send_claim_email(award):
    """The recipient's e-mail with the claim link, in their language, put in the outbox.

    Call it inside the transaction that saves the award."""
    language = award.language
    with translation.override(language):
        achievement = achievement_in(award, language)
        context = {
            "award": award,
            "badge": achievement,
            "claim_url": claim_url(award, language),
            "days": claim_days(),
        }
        subject = render_to_string("badges/email/claim_subject.txt", context).strip()
        body = render_to_string("badges/email/claim.txt", context)
    message = EmailMessage(subject=settings.EMAIL_SUBJECT_PREFIX + subject, body=body, to=[award.recipient_email])
    outbox.enqueue(message)
    return message
