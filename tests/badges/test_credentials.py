"""Open Badges 3.0 credentials: issued, checked by another JOSE library and the 1EdTech schema,
verified, tampered with, revoked, baked into images, and awarded only by those who may."""

import base64
import json
from pathlib import Path

import jsonschema
import jwt as pyjwt
import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from badges import baking, issuing, keys, status_list
from badges.credentials import identity_hash
from badges.models import AchievementPage, Award, IssuerProfile
from badges.verification import verify

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "badges/schema/ob_v3p0_achievementcredential_schema.json").read_text()
)


def payload_of(token):
    segment = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


@pytest.fixture
def achievement():
    return AchievementPage.objects.live().filter(locale__language_code="fr", partner__isnull=False).first()


@pytest.fixture
def award(achievement):
    return issuing.award_badge(
        achievement,
        "Camille Exemple",
        "camille@example.org",
        "Observed in a workshop.",
        "https://example.org/evidence/1",
    )


def published_jwks(client):
    response = client.get(reverse("badges:jwks"))
    assert response.status_code == 200
    return response.json()


def test_a_credential_verifies_with_pyjwt_against_the_published_jwks(client, award):
    token = award.credential
    header = pyjwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt" and header["kid"]
    jwk = next(key for key in published_jwks(client)["keys"] if key["kid"] == header["kid"])
    public_key = pyjwt.PyJWK(jwk).key
    claims = pyjwt.decode(token, public_key, algorithms=["EdDSA"], options={"verify_aud": False})
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert claims["iss"] == claims["issuer"]["id"]


def test_every_demo_credential_and_a_new_one_validate_against_the_1edtech_schema(award):
    tokens = [award.credential, *Award.objects.exclude(pk=award.pk).values_list("credential", flat=True)]
    assert len(tokens) >= 4
    for token in tokens:
        jsonschema.validate(payload_of(token), SCHEMA, cls=jsonschema.Draft201909Validator)


def test_the_recipient_is_a_salted_hash_of_the_email_never_the_address(award):
    credential = payload_of(award.credential)
    identity = credential["credentialSubject"]["identifier"][0]
    assert "camille@example.org" not in award.credential and "camille" not in json.dumps(credential)
    assert identity["identityHash"] == identity_hash("camille@example.org", identity["salt"])
    assert identity["identityType"] == "emailAddress" and identity["hashed"] is True


def test_alignments_point_at_the_item_pages_of_this_site(award, achievement):
    alignments = payload_of(award.credential)["credentialSubject"]["achievement"]["alignment"]
    assert alignments
    codes = {item.code for item in achievement.localized_competences}
    for row in alignments:
        assert row["targetCode"] in codes and row["targetName"] and row["targetFramework"]
    assert any("/fr/framework/" in row["targetUrl"] for row in alignments)


def test_a_valid_credential_passes_every_check_and_the_right_email_matches(award):
    result = verify(award.credential, "Camille@example.org ")
    assert result.valid, result.checks
    assert [check.name for check in result.checks] == [
        "format",
        "issuer",
        "signature",
        "validity",
        "revocation",
        "recipient",
    ]


def test_another_email_fails_the_recipient_check(award):
    result = verify(award.credential, "someone@example.org")
    assert not result.valid and result.failed("recipient")


def test_a_tampered_credential_fails_the_signature_check(award):
    header, body, signature = award.credential.split(".")
    data = payload_of(award.credential)
    data["credentialSubject"]["achievement"]["name"] = "Something else"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    result = verify(f"{header}.{forged}.{signature}")
    assert result.failed("signature")
    assert "changed" in next(check.reason for check in result.checks if check.name == "signature")


@pytest.mark.parametrize("garbage", ["", "not a credential", "a.b.c", "x" * 300_000, "eyJhbGciOiJub25lIn0.e30."])
def test_garbage_fails_the_format_check_without_error(garbage):
    result = verify(garbage)
    assert not result.valid and result.failed("format")


def test_a_revoked_credential_fails_with_the_reason_and_the_list_shows_the_bit(client, award):
    issuing.revoke(award, "Awarded to the wrong person.")
    result = verify(award.credential)
    assert result.failed("revocation")
    assert "Awarded to the wrong person." in next(c.reason for c in result.checks if c.name == "revocation")
    response = client.get(reverse("badges:status_list", args=[award.issuer.public_id]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-cache"
    token = response.content.decode()
    jwk = next(key for key in published_jwks(client)["keys"] if key["kid"] == pyjwt.get_unverified_header(token)["kid"])
    listed = pyjwt.decode(token, pyjwt.PyJWK(jwk).key, algorithms=["EdDSA"])
    bits = status_list.decode(listed["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == status_list.LIST_LENGTH
    assert status_list.is_set(bits, award.status.index)


def test_an_erased_award_stays_revoked(award):
    token = award.credential
    issuing.revoke(award, "Withdrawn.")
    entry = award.status
    award.delete()
    entry.refresh_from_db()
    assert verify(token).failed("revocation")


def test_an_expired_credential_fails_the_validity_check(achievement):
    award = issuing.award_badge(
        achievement, "Old", "old@example.org", "Long ago.", valid_until=timezone.now() - timezone.timedelta(days=1)
    )
    assert verify(award.credential).failed("validity")


def test_rotation_keeps_old_credentials_verifiable(client, award):
    old_kid = pyjwt.get_unverified_header(award.credential)["kid"]
    new_kid = keys.create_key(award.issuer)
    assert new_kid != old_kid
    kids = {key["kid"] for key in published_jwks(client)["keys"]}
    assert {old_kid, new_kid} <= kids
    assert verify(award.credential).valid
    fresh = issuing.award_badge(award.achievement, "New", "new@example.org", "After the rotation.")
    assert pyjwt.get_unverified_header(fresh.credential)["kid"] == new_kid
    assert verify(fresh.credential).valid


def test_jwks_never_publishes_a_private_key(client, award):
    for key in published_jwks(client)["keys"]:
        assert "d" not in key and key["kty"] == "OKP" and key["crv"] == "Ed25519"


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_bake_and_extract_round_trip(award, kind):
    if kind == "png":
        baked = baking.bake_png(baking.plain_badge_png(), award.credential)
        assert baking.extract(baked) == award.credential
        assert (
            baking.extract(baking.bake_png(baked, award.credential)) == award.credential
        )  # baked twice, one credential
    else:
        baked = baking.bake_svg(baking.plain_badge_svg("Badge"), award.credential)
        assert "openbadges:credential" in baked
        assert baking.extract(baked.encode()) == award.credential


def test_the_stored_baked_image_holds_the_credential(award):
    with award.baked_png.open("rb") as stream:
        assert baking.extract(stream.read()) == award.credential


@pytest.mark.parametrize(
    "data", [b"", b"GIF89a", b"\x89PNG\r\n\x1a\nbroken", b"<svg", b"<!DOCTYPE x [<!ENTITY a 'b'>]><svg/>"]
)
def test_a_file_without_a_credential_is_refused(data):
    with pytest.raises(baking.NotBaked):
        baking.extract(data)


def _assessor(issuer, name):
    from badges.roles import setup_issuer_roles

    group = setup_issuer_roles(issuer)
    user = User.objects.create_user(name, password="x")
    user.groups.add(group)
    return user


def test_an_assessor_awards_for_their_own_partner_only(achievement):
    own = issuing.issuer_for(achievement)
    other = IssuerProfile.objects.exclude(pk=own.pk).first()
    assert other is not None
    mine = _assessor(own, "assessor-a")
    theirs = _assessor(other, "assessor-b")
    assert issuing.award_badge(achievement, "R", "r@example.org", "Seen.", by=mine).pk
    with pytest.raises(PermissionDenied):
        issuing.award_badge(achievement, "R", "r@example.org", "Seen.", by=theirs)
    with pytest.raises(PermissionDenied):
        issuing.revoke(Award.objects.filter(issuer=own).first(), "No.", by=mine)


def test_the_admin_form_offers_an_assessor_only_their_partners_badges_and_refuses_others(client, achievement):
    own = issuing.issuer_for(achievement)
    other = IssuerProfile.objects.exclude(pk=own.pk).first()
    user = _assessor(other, "assessor-c")
    client.force_login(user)
    page = client.get(reverse("badges_admin:create"))
    assert page.status_code == 200
    assert f'value="{achievement.pk}"' not in page.content.decode()
    before = Award.objects.count()
    response = client.post(
        reverse("badges_admin:create"),
        {
            "achievement": achievement.pk,
            "recipient_name": "X",
            "recipient_email": "x@example.org",
            "evidence_narrative": "Seen.",
        },
    )
    assert response.status_code == 200 and Award.objects.count() == before
    assert client.get(reverse("badges_admin:revoke", args=[Award.objects.first().pk])).status_code in (302, 403)


def test_a_coordinator_awards_and_revokes_in_the_admin(client, achievement):
    user = User.objects.create_user("coord-b", password="x")
    user.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(user)
    response = client.post(
        reverse("badges_admin:create"),
        {
            "achievement": achievement.pk,
            "recipient_name": "Y",
            "recipient_email": "y@example.org",
            "evidence_narrative": "Seen.",
            "evidence_links": "https://example.org/event",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("badges_admin:list")
    award = Award.objects.get(recipient_email="y@example.org")
    assert client.post(reverse("badges_admin:revoke", args=[award.pk]), {"reason": ""}).status_code == 200
    assert not verify(award.credential).failed("revocation")
    client.post(reverse("badges_admin:revoke", args=[award.pk]), {"reason": "Mistake."})
    assert verify(award.credential).failed("revocation")


def test_verify_json_answers_machines(client, award):
    response = client.post(
        reverse("badges:verify_json"),
        {"credential": award.credential, "email": "camille@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["valid"] is True
    response = client.post(reverse("badges:verify_json"), b"{not json", content_type="application/json")
    assert response.status_code == 200 and response.json()["valid"] is False


def test_achievement_json_at_a_stable_address(client, achievement):
    response = client.get(reverse("badges:achievement", args=[achievement.translation_key]) + "?lang=fr")
    data = response.json()
    assert data["name"] == achievement.title and data["type"] == ["Achievement"] and data["inLanguage"] == "fr"
    assert client.get(reverse("badges:achievement", args=[achievement.translation_key]) + "?lang=xx").status_code == 200
