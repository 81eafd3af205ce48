"""Counsellor mode: a coach runs a questionnaire with a client, adds observations beside the
self-ratings, saves the session with the client's consent (then it is personal data: exported
and erased with the rest), and proposes a badge with the assessment as evidence."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from assessments.models import CoachGroup, CoachingSession, QuestionnairePage
from badges.models import AchievementPage, AssessorGroup
from partners.models import Partner
from privacy import personal_data

pytestmark = pytest.mark.django_db


def entr21(lang="en"):
    return QuestionnairePage.objects.live().get(locale__language_code=lang, framework__code="ENTR21")


def coach_of(partner_name, username="coach", assessor=False):
    partner = Partner.objects.get(locale__language_code="en", name=partner_name)
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(CoachGroup.objects.get(partner_key=partner.translation_key).group)
    if assessor:
        user.groups.add(AssessorGroup.objects.get(issuer__partner_key=partner.translation_key).group)
    return user


def save(client, page, code, **extra):
    data = {"a": code, "client_name": "Noor Example", "client_email": "noor@example.org", "consent": "on"}
    data["obs-CO"] = "Explained the team's plan to the group clearly."
    return client.post(f"/admin/assessments/sessions/new/{page.pk}/", data | extra)


def test_every_partner_has_a_coaches_group():
    partners = Partner.objects.filter(locale__language_code="en")
    assert CoachGroup.objects.count() == partners.count()
    assert Group.objects.filter(name="Coaches: Mentor vzw").exists()


def test_only_a_coach_is_offered_to_save_a_session_from_the_result(client):
    page = entr21()
    code = "1234" + "12"
    assert "sessions/new" not in client.get(page.url + "result/", {"a": code}).content.decode()
    client.force_login(coach_of("Mentor vzw"))
    html = client.get(page.url + "result/", {"a": code}).content.decode()
    assert f"/admin/assessments/sessions/new/{page.pk}/?a={code}" in html


def test_without_consent_nothing_is_saved(client):
    client.force_login(coach_of("Mentor vzw"))
    response = save(client, entr21(), "123412", consent="")
    assert response.status_code == 200
    assert not CoachingSession.objects.exists()


def test_a_saved_session_is_exported_and_erased_with_the_clients_data(client):
    client.force_login(coach_of("Mentor vzw"))
    response = save(client, entr21("fr"), "123412")
    session = CoachingSession.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{session.pk}/")
    assert session.observations == {"CO": "Explained the team's plan to the group clearly."}
    detail = client.get(response["Location"]).content.decode()
    assert "Explained the team" in detail
    exported = personal_data.export("Noor@Example.org")["assessments.session"]
    assert exported[0]["answers"] == "123412" and exported[0]["observations"]["CO"].startswith("Explained")
    assert personal_data.erase("noor@example.org")["assessments.session"] == 1
    assert not CoachingSession.objects.exists()
    assert personal_data.export("noor@example.org")["assessments.session"] == []


def test_a_coach_sees_only_the_sessions_of_their_own_partner(client):
    client.force_login(coach_of("Mentor vzw"))
    save(client, entr21(), "123412")
    session = CoachingSession.objects.get()
    client.force_login(coach_of("Stichting Kenniscentrum Pro Work", username="other"))
    assert client.get(f"/admin/assessments/sessions/{session.pk}/", follow=True).status_code == 404
    assert "Noor Example" not in client.get("/admin/assessments/sessions/").content.decode()


def test_a_coach_who_is_an_assessor_awards_a_badge_with_the_assessment_as_evidence(client):
    client.force_login(coach_of("Mentor vzw", assessor=True))
    save(client, entr21(), "123412")
    session = CoachingSession.objects.get()
    badge = AchievementPage.objects.live().get(locale__language_code="en", slug="communication-skills")
    page = client.get(f"/admin/assessments/sessions/{session.pk}/").content.decode()
    assert "Communication skills" in page and "Propose a badge" in page
    response = client.post(
        f"/admin/assessments/sessions/{session.pk}/", {"achievement": badge.pk, "evidence_narrative": "Observed."}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.award.achievement == badge
    assert "result/?a=123412" in session.award.evidence_links
    assert personal_data.export("noor@example.org")["assessments.session"][0]["badge_awarded"] is True
