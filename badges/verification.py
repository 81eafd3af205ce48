"""Checking a credential: format, issuer, signature, validity dates, revocation, recipient.

Each check gives a result and, when it fails, the reason in words a visitor can
act on. The signature is checked against the issuer's published keys (every key
it has had, by kid), so credentials signed before a rotation still verify.
"""

import base64
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from joserfc import jws
from joserfc.errors import JoseError

from . import keys
from .credentials import JWT_TYPE, identity_hash, issuer_url, status_list_url

MAX_CREDENTIAL_CHARS = 200_000


@dataclass
class Check:
    name: str
    label: str
    ok: bool
    reason: str = ""


@dataclass
class Result:
    checks: list = field(default_factory=list)
    credential: dict = field(default_factory=dict)
    issuer_name: str = ""
    achievement: dict = field(default_factory=dict)
    valid_from: str = ""
    valid_until: str = ""
    revocation_reason: str = ""

    def add(self, name, label, ok, reason=""):
        self.checks.append(Check(name, str(label), ok, str(reason)))
        return ok

    @property
    def valid(self):
        return bool(self.checks) and all(check.ok for check in self.checks)

    def failed(self, name):
        return any(check.name == name and not check.ok for check in self.checks)

    def as_json(self):
        return {
            "valid": self.valid,
            "checks": [
                {"check": check.name, "passed": check.ok, **({"reason": check.reason} if check.reason else {})}
                for check in self.checks
            ],
            "issuer": self.issuer_name,
            "achievement": self.achievement,
            "validFrom": self.valid_from,
            "validUntil": self.valid_until,
            **({"revocationReason": self.revocation_reason} if self.revocation_reason else {}),
        }


def _b64json(segment):
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def _parse_time(value):
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def verify(token, email=""):
    from .models import IssuerProfile, StatusEntry

    result = Result()
    token = (token or "").strip()
    parts = token.split(".")
    if not token or len(token) > MAX_CREDENTIAL_CHARS or len(parts) != 3:
        result.add("format", _("Format"), False, _("This is not a signed credential (a VC-JWT has three parts)."))
        return result
    try:
        header = _b64json(parts[0])
        payload = _b64json(parts[1])
        if not isinstance(header, dict) or not isinstance(payload, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        result.add("format", _("Format"), False, _("The credential cannot be read: it is damaged or incomplete."))
        return result
    types = payload.get("type") or []
    if header.get("alg") != "EdDSA" or "OpenBadgeCredential" not in types and "AchievementCredential" not in types:
        result.add("format", _("Format"), False, _("This is not an Open Badges 3.0 credential signed with EdDSA."))
        return result
    result.add("format", _("Format"), True)
    result.credential = payload
    subject = payload.get("credentialSubject") if isinstance(payload.get("credentialSubject"), dict) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    result.achievement = {
        "name": str(achievement.get("name", "")),
        "description": str(achievement.get("description", "")),
        "alignment": [row for row in achievement.get("alignment") or [] if isinstance(row, dict)],
    }

    issuer_data = payload.get("issuer")
    issuer_id = issuer_data.get("id") if isinstance(issuer_data, dict) else issuer_data
    issuer = next((each for each in IssuerProfile.objects.all() if issuer_url(each) == issuer_id), None)
    if issuer is None:
        result.add("issuer", _("Issuer"), False, _("The issuer is not one of this site's badge issuers."))
        return result
    result.issuer_name = issuer.name
    result.add("issuer", _("Issuer"), True)

    key = next((each for each in keys.public_keys(issuer) if each.kid == header.get("kid")), None)
    if key is None:
        result.add("signature", _("Signature"), False, _("The key that signed this credential is not the issuer's."))
        return result
    try:
        jws.deserialize_compact(token, key, algorithms=["EdDSA"])
    except (JoseError, ValueError):
        result.add(
            "signature",
            _("Signature"),
            False,
            _("The signature does not match: the credential was changed after it was issued."),
        )
        return result
    if header.get("typ") not in (JWT_TYPE, None):
        result.add("signature", _("Signature"), False, _("The credential is not marked as a VC-JWT."))
        return result
    result.add("signature", _("Signature"), True)

    now = timezone.now()
    result.valid_from = str(payload.get("validFrom", ""))
    result.valid_until = str(payload.get("validUntil", ""))
    starts = _parse_time(payload.get("validFrom"))
    ends = _parse_time(payload["validUntil"]) if payload.get("validUntil") else None
    if starts is None or (payload.get("validUntil") and ends is None):
        result.add("validity", _("Validity"), False, _("The validity dates cannot be read."))
    elif starts > now:
        result.add("validity", _("Validity"), False, _("The credential is not valid yet."))
    elif ends is not None and ends <= now:
        result.add(
            "validity", _("Validity"), False, _("The credential expired on %(date)s.") % {"date": result.valid_until}
        )
    else:
        result.add("validity", _("Validity"), True)

    status = payload.get("credentialStatus") if isinstance(payload.get("credentialStatus"), dict) else {}
    entry = None
    if (
        status.get("statusListCredential") == status_list_url(issuer)
        and str(status.get("statusListIndex", "")).isdigit()
    ):
        entry = StatusEntry.objects.filter(issuer=issuer, index=int(status["statusListIndex"])).first()
    if entry is None:
        result.add(
            "revocation", _("Revocation"), False, _("The credential's status cannot be found in the issuer's list.")
        )
    elif entry.revoked_at is not None:
        award = getattr(entry, "award", None) if hasattr(entry, "award") else None
        result.revocation_reason = award.revocation_reason if award is not None else ""
        reason = _("The issuer revoked this credential on %(date)s.") % {"date": entry.revoked_at.date().isoformat()}
        if result.revocation_reason:
            reason = f"{reason} {_('Reason:')} {result.revocation_reason}"
        result.add("revocation", _("Revocation"), False, reason)
    else:
        result.add("revocation", _("Revocation"), True)

    if email:
        identities = [row for row in subject.get("identifier") or [] if isinstance(row, dict)]
        matches = any(
            row.get("identityType") == "emailAddress"
            and row.get("identityHash") == identity_hash(email, str(row.get("salt", "")))
            for row in identities
        )
        result.add(
            "recipient",
            _("Recipient"),
            matches,
            "" if matches else _("The credential was not awarded to this e-mail address."),
        )
    return result
