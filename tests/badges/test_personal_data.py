"""Awards in the personal-data registry: export, erasure that keeps revocation, expiry."""

import pytest
from django.utils import timezone

from badges import issuing
from badges.models import AchievementPage, Award, StatusEntry
from badges.verification import verify
from privacy import personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def award():
    achievement = AchievementPage.objects.live().filter(locale__language_code="nl", partner__isnull=False).first()
    return issuing.award_badge(achievement, "Noor Voorbeeld", "noor@example.org", "Gezien in de workshop.")


def source():
    return next(each for each in personal_data.sources() if each.label == "badges.award")


def test_export_lists_the_awards_of_an_address_whatever_its_case(award):
    rows = source().export("NOOR@example.org")
    assert [row["recipient_name"] for row in rows] == ["Noor Voorbeeld"]
    assert rows[0]["credential"] == award.credential
    assert source().export("other@example.org") == []


def test_erasure_deletes_the_award_and_its_image_but_a_revoked_credential_stays_revoked(award):
    token, entry_pk, image = award.credential, award.status_id, award.baked_png.name
    issuing.revoke(award, "Ingetrokken.")
    assert source().erase("noor@example.org") == 1
    assert not Award.objects.filter(pk=award.pk).exists()
    assert not award.baked_png.storage.exists(image)
    assert StatusEntry.objects.get(pk=entry_pk).revoked_at is not None
    assert verify(token).failed("revocation")


def test_after_the_retention_period_only_the_fact_of_the_award_remains(award):
    later = timezone.now() + personal_data.retention_period() + timezone.timedelta(days=1)
    assert source().anonymise_expired(later) >= 1
    award.refresh_from_db()
    assert (award.recipient_name, award.recipient_email, award.evidence_narrative) == ("", "", "")
    assert verify(award.credential).valid
    assert source().anonymise_expired(later) == 0
