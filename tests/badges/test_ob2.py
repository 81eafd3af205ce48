"""Open Badges 2.0 hosted assertions, checked by openbadgeslib's OB 2.0 verifier (an implementation
that did not write them), and the OB 3.0 credential checked by its OB 3.0 verifier, status list included."""

from urllib.parse import urlsplit

import jwt as pyjwt
import pytest
from django.urls import reverse
from openbadgeslib.ob2 import OB2VerificationError, OB2Verifier
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier

from badges import issuing, ob2
from badges.credentials import identity_hash
from badges.models import AchievementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def award():
    achievement = AchievementPage.objects.live().filter(locale__language_code="en", partner__isnull=False).first()
    return issuing.award_badge(
        achievement, "Jo Example", "jo@example.org", "Seen in a workshop.", "https://example.org/e", language="nl"
    )


def fetcher(client):
    """openbadgeslib's `download`: the site's own answers through the test client (an error status raises)."""

    def download(url):
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        if response.status_code != 200:
            raise OSError(f"HTTP {response.status_code}")
        return response.content

    return download


def test_the_hosted_assertion_passes_openbadgeslibs_ob2_verifier(client, award):
    response = client.get(reverse("badges:ob2_assertion", args=[award.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    document = response.json()
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["id"] == ob2.assertion_url(award.public_id)
    assert document["verification"] == {"type": "hosted"}
    assert document["recipient"]["identity"] == identity_hash("jo@example.org", document["recipient"]["salt"])
    assertion = OB2Verifier(download=fetcher(client)).verify_hosted(document, expected_recipient="jo@example.org")
    assert assertion.id == document["id"]
    with pytest.raises(OB2VerificationError):
        OB2Verifier(download=fetcher(client)).verify_hosted(document, expected_recipient="other@example.org")


def test_the_badge_class_and_issuer_are_complete_ob2_documents(client, award):
    badge = fetcher(client)(ob2.badge_class_url(award.achievement))
    import json

    data = json.loads(badge)
    assert data["type"] == "BadgeClass" and data["name"] == award.achievement.title
    assert data["@language"] == "nl" and data["criteria"]["narrative"]
    assert data["image"] and data["description"]
    assert data["alignment"] and all(row["targetName"] and row["targetUrl"] for row in data["alignment"])
    issuer = json.loads(fetcher(client)(data["issuer"]))
    assert issuer["type"] == "Issuer" and issuer["name"] == award.issuer.name and issuer["url"]


def test_a_revoked_assertion_answers_410_revoked_and_fails_verification(client, award):
    url = reverse("badges:ob2_assertion", args=[award.public_id])
    document = client.get(url).json()
    issuing.revoke(award, "Withdrawn by the issuer.")
    response = client.get(url)
    assert response.status_code == 410 and response["Cache-Control"] == "no-cache"
    assert response.json()["revoked"] is True
    assert response.json()["revocationReason"] == "Withdrawn by the issuer."
    with pytest.raises(OB2VerificationError):
        OB2Verifier(download=fetcher(client)).verify_hosted(document)


def test_an_erased_assertion_stays_revoked_and_an_erased_valid_one_is_gone(client, award):
    url = reverse("badges:ob2_assertion", args=[award.public_id])
    issuing.revoke(award, "Withdrawn.")
    award.delete()
    assert client.get(url).status_code == 410 and client.get(url).json()["revoked"] is True
    other = issuing.award_badge(award.achievement, "Kim", "kim@example.org", "Seen.", notify=False)
    other_url = reverse("badges:ob2_assertion", args=[other.public_id])
    other.delete()
    assert client.get(other_url).status_code == 404


def test_the_ob3_credential_passes_openbadgeslibs_ob3_verifier_with_its_status_list(client, award):
    jwks = client.get(reverse("badges:jwks")).json()
    kid = pyjwt.get_unverified_header(award.credential)["kid"]
    public_key = pyjwt.PyJWK(next(key for key in jwks["keys"] if key["kid"] == kid)).key
    verifier = OB3Verifier(public_key)
    credential = verifier.verify(award.credential, check_status=True, download=fetcher(client))
    assert credential.issuer.id.endswith(f"/badges/issuers/{award.issuer.public_id}.json")
    issuing.revoke(award, "Withdrawn.")
    with pytest.raises(OB3VerificationError):
        verifier.verify(award.credential, check_status=True, download=fetcher(client))
