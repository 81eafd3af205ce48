"""Open Badges 2.0 hosted assertions, for backpacks and platforms that read only 2.0.

The same award as the OB 3.0 credential, as three JSON-LD documents at stable
addresses: the Issuer profile, the BadgeClass and the Assertion, whose
`verification` is `hosted` (the assertion is genuine because it is served at its
own `id` on the issuer's site). The recipient is the same salted SHA-256 hash of
the e-mail as in the 3.0 credential. A revoked assertion answers 410 Gone with
`revoked: true` and the reason, as OB 2.0 asks; so does one whose record was
erased after it was revoked (its status entry keeps the credential's id).
"""

import base64
import json
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse

from . import baking
from .credentials import absolute, alignment_rows, identity_hash, timestamp

CONTEXT = "https://w3id.org/openbadges/v2"


def issuer_url(issuer):
    return absolute(reverse("badges:ob2_issuer", args=[issuer.public_id]))


def badge_class_url(achievement):
    url = absolute(reverse("badges:ob2_badge", args=[achievement.translation_key]))
    return f"{url}?lang={achievement.locale.language_code}"


def assertion_url(public_id):
    return absolute(reverse("badges:ob2_assertion", args=[public_id]))


def issuer_json(issuer):
    email = issuer.email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    data = {"@context": CONTEXT, "type": "Issuer", "id": issuer_url(issuer), "name": issuer.name}
    data["url"] = issuer.url or absolute("/")
    if email:
        data["email"] = email
    return data


def _image(achievement):
    if achievement.image_id:
        return absolute(achievement.image.get_rendition("max-400x400|format-png").url)
    return "data:image/png;base64," + base64.b64encode(baking.plain_badge_png()).decode("ascii")


def badge_class_json(achievement, issuer):
    alignment = []
    for row in alignment_rows(achievement):
        item = row["item"]
        entry = {
            "targetName": item.name,
            "targetUrl": row["url"],
            "targetFramework": item.framework.name,
            "targetCode": item.code,
        }
        if item.description:
            entry["targetDescription"] = item.description
        alignment.append(entry)
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(achievement),
        "name": achievement.title,
        "description": achievement.summary,
        "image": _image(achievement),
        "criteria": {"id": absolute(achievement.url), "narrative": achievement.criteria},
        "issuer": issuer_url(issuer),
        "alignment": alignment,
        "@language": achievement.locale.language_code,
    }


def revoked_json(public_id, reason=""):
    data = {"@context": CONTEXT, "type": "Assertion", "id": assertion_url(public_id), "revoked": True}
    if reason:
        data["revocationReason"] = reason
    return data


def _recipient_hash(award):
    """The hash the award's credential carries (the e-mail itself may have been blanked since)."""
    segment = award.credential.split(".")[1]
    payload = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    for identity in payload["credentialSubject"].get("identifier", []):
        if identity.get("identityType") == "emailAddress":
            return identity["identityHash"]
    return identity_hash(award.recipient_email, award.salt)


def assertion_json(award):
    data = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(award.public_id),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.salt,
            "identity": _recipient_hash(award),
        },
        "badge": badge_class_url(award.achievement),
        "verification": {"type": "hosted"},
        "issuedOn": timestamp(award.valid_from),
    }
    if award.valid_until:
        data["expires"] = timestamp(award.valid_until)
    evidence = [{"type": "Evidence", "narrative": award.evidence_narrative}] if award.evidence_narrative else []
    evidence += [{"type": "Evidence", "id": line.strip()} for line in award.evidence_links.splitlines() if line.strip()]
    if evidence:
        data["evidence"] = evidence
    return data
