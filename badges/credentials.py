"""OB 3.0 OpenBadgeCredentials (VC Data Model 2.0), signed as VC-JWT with joserfc.

The JWT payload is the credential itself (VC-JOSE-COSE), with the registered
claims `iss`, `jti`, `nbf` and, when the award expires, `exp` beside it, so a
plain JWT library checks the dates too. The header carries `alg: EdDSA`,
`typ: vc+jwt` and the `kid` of the issuer's key in the published JWKS.
"""

import hashlib
import json
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from joserfc import jws

from . import keys

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
JWT_TYPE = "vc+jwt"


def absolute(path):
    base = getattr(settings, "BADGES_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))


def timestamp(moment):
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def identity_hash(email, salt):
    """The OB 3.0 IdentityHash of an e-mail address: "sha256$" + hex(sha256(email + salt))."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()


# Public identifiers ------------------------------------------------------------


def issuer_url(issuer):
    return absolute(reverse("badges:issuer", args=[issuer.public_id]))


def achievement_url(achievement):
    return absolute(reverse("badges:achievement", args=[achievement.translation_key]))


def status_list_url(issuer):
    return absolute(reverse("badges:status_list", args=[issuer.public_id]))


def issuer_profile(issuer):
    profile = {"id": issuer_url(issuer), "type": ["Profile"], "name": issuer.name}
    if issuer.url:
        profile["url"] = issuer.url
    if issuer.email:
        profile["email"] = issuer.email
    return profile


def alignment_rows(achievement):
    """The achievement's competences in its language, with the address of each on this site."""
    rows = []
    with translation.override(achievement.locale.language_code):
        for item in achievement.localized_competences:
            rows.append(
                {
                    "item": item,
                    "url": absolute(reverse("competences:item", args=[item.framework.code, item.code])),
                }
            )
    return rows


def alignments(achievement):
    """OB 3.0 Alignments: each item's page on this site, and its official URI where it has one."""
    result = []
    for row in alignment_rows(achievement):
        item = row["item"]
        common = {"targetName": item.name, "targetCode": item.code, "targetFramework": item.framework.name}
        if item.description:
            common["targetDescription"] = item.description
        result.append({"type": ["Alignment"], "targetUrl": row["url"], **common})
        if item.uri:
            result.append({"type": ["Alignment"], "targetUrl": item.uri, **common})
    return result


def achievement_json(achievement, issuer=None):
    """The OB 3.0 Achievement of a badge page, in the page's language."""
    data = {
        "id": achievement_url(achievement),
        "type": ["Achievement"],
        "achievementType": achievement.achievement_type,
        "name": achievement.title,
        "description": achievement.summary,
        "criteria": {"narrative": achievement.criteria},
        "inLanguage": achievement.locale.language_code,
        "alignment": alignments(achievement),
    }
    if achievement.image_id:
        rendition = achievement.image.get_rendition("max-400x400|format-png")
        data["image"] = {"id": absolute(rendition.url), "type": "Image"}
        if achievement.image_alt:
            data["image"]["caption"] = achievement.image_alt
    if issuer is not None:
        data["creator"] = issuer_profile(issuer)
    return data


def status_entry(entry):
    url = status_list_url(entry.issuer)
    return {
        "id": f"{url}#{entry.index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(entry.index),
        "statusListCredential": url,
    }


def evidence(award):
    items = [{"type": ["Evidence"], "narrative": award.evidence_narrative}]
    for line in award.evidence_links.splitlines():
        if line.strip():
            items.append({"id": line.strip(), "type": ["Evidence"]})
    return items


def credential_json(award):
    """The unsigned OpenBadgeCredential of an award."""
    achievement = award.achievement
    data = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{award.public_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.title,
        "issuer": issuer_profile(award.issuer),
        "validFrom": timestamp(award.valid_from),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(award.recipient_email, award.salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": award.salt,
                }
            ],
            "achievement": achievement_json(achievement, award.issuer),
        },
        "evidence": evidence(award),
        "credentialStatus": status_entry(award.status),
        "credentialSchema": [{"id": SCHEMA_URL, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if award.valid_until:
        data["validUntil"] = timestamp(award.valid_until)
    return data


def sign(payload, issuer, extra_claims=None):
    """A compact JWS (VC-JWT) of the payload, signed with the issuer's current key."""
    key = keys.signing_key(issuer)
    header = {"alg": "EdDSA", "typ": JWT_TYPE, "kid": key.kid}
    body = dict(payload) | (extra_claims or {})
    return jws.serialize_compact(
        header, json.dumps(body, ensure_ascii=False).encode("utf-8"), key, algorithms=["EdDSA"]
    )


def sign_credential(award):
    data = credential_json(award)
    claims = {"iss": data["issuer"]["id"], "jti": data["id"], "nbf": int(award.valid_from.timestamp())}
    if award.valid_until:
        claims["exp"] = int(award.valid_until.timestamp())
    return sign(data, award.issuer, claims)
