"""The three ways of awarding (one at a time, an event's attendance list, a CSV file), each in one
transaction, and an assessor of one partner refused on every path in another partner's name."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from badges import csv_awards, issuing, roles
from badges.models import AchievementPage, Award, IssuerProfile
from core import attendance

pytestmark = pytest.mark.django_db


@pytest.fixture
def badge_a():
    return AchievementPage.objects.live().filter(locale__language_code="en", partner__isnull=False).first()


@pytest.fixture
def issuer_a(badge_a):
    return issuing.issuer_for(badge_a)


@pytest.fixture
def issuer_b(issuer_a):
    return IssuerProfile.objects.exclude(pk=issuer_a.pk).first()


def member_of(group, name):
    user = User.objects.create_user(name, password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator():
    return member_of(Group.objects.get(name="Coordinators"), "coord-awarding")


@pytest.fixture
def assessor_a(issuer_a):
    return member_of(roles.setup_issuer_roles(issuer_a), "assessor-of-a")


@pytest.fixture
def assessor_b(issuer_b):
    return member_of(roles.setup_issuer_roles(issuer_b), "assessor-of-b")


@pytest.fixture
def event():
    held = attendance.held_events("en")
    assert held, "the demo has past events with people marked present"
    return held[0]


def csv_file(text, name="awards.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


GOOD_CSV = (
    "\ufeffName;E-mail;Evidence;language;evidence_links\n"
    "Ada Example;ada@example.org;Led the group exercise.;fr;https://example.org/a\n"
    "'=Bo Example;bo@example.org;Presented the plan.;;\n"
).replace("E-mail", "email")


# From an event's attendance list ---------------------------------------------------------------


def test_the_attendance_list_offers_held_events_and_their_attendees(client, coordinator, event):
    client.force_login(coordinator)
    page = client.get(reverse("badges_admin:attendance"))
    assert page.status_code == 200 and event.title in page.content.decode()
    people = attendance.attendees(event.key)
    assert people
    html = client.get(reverse("badges_admin:attendance") + f"?event={event.key}").content.decode()
    assert all(person.email in html for person in people)


def test_a_coordinator_awards_the_chosen_attendees_each_in_their_language(
    client, coordinator, event, badge_a, mailoutbox
):
    people = attendance.attendees(event.key)[:3]
    client.force_login(coordinator)
    response = client.post(
        reverse("badges_admin:attendance"),
        {
            "event": event.key,
            "achievement": badge_a.pk,
            "attendees": [person.email for person in people],
            "evidence_narrative": "Took part in every exercise.",
        },
    )
    assert response.status_code == 302
    for person in people:
        award = Award.objects.get(recipient_email=person.email, achievement__translation_key=badge_a.translation_key)
        assert award.language == person.language and award.achievement.locale.language_code == person.language
        assert award.evidence_links.endswith(event.url)
        assert any(person.email in message.to for message in mailoutbox), "each attendee gets their claim e-mail"


def test_an_assessor_cannot_award_another_partners_badge_to_attendees(client, assessor_b, event, badge_a):
    people = attendance.attendees(event.key)[:2]
    before = Award.objects.count()
    client.force_login(assessor_b)
    html = client.get(reverse("badges_admin:attendance") + f"?event={event.key}").content.decode()
    assert f'value="{badge_a.pk}"' not in html, "only their own partner's badges are offered"
    response = client.post(
        reverse("badges_admin:attendance"),
        {
            "event": event.key,
            "achievement": badge_a.pk,
            "attendees": [person.email for person in people],
            "evidence_narrative": "Seen.",
        },
    )
    assert response.status_code == 200 and Award.objects.count() == before


# From a CSV file ------------------------------------------------------------------------------


def test_a_csv_file_awards_every_row(client, coordinator, badge_a):
    client.force_login(coordinator)
    response = client.post(
        reverse("badges_admin:csv"), {"achievement": badge_a.pk, "language": "nl", "file": csv_file(GOOD_CSV)}
    )
    assert response.status_code == 302
    ada = Award.objects.get(recipient_email="ada@example.org")
    bo = Award.objects.get(recipient_email="bo@example.org")
    assert ada.language == "fr" and ada.evidence_links == "https://example.org/a"
    assert bo.language == "nl", "a row without a language takes the form's"
    assert bo.recipient_name == "=Bo Example", "a cell neutralised by the site's own export is read back as it was"


def test_a_csv_file_with_a_wrong_row_saves_nothing_and_names_each_problem(client, coordinator, badge_a, mailoutbox):
    text = (
        "name,email,evidence,valid_until,language\n"
        "Good Row,good@example.org,Seen.,,\n"
        "No Address,not-an-address,Seen.,,\n"
        ",empty@example.org,,2001-01-01,xx\n"
        "Twice,good@example.org,Seen.,,\n"
    )
    before = Award.objects.count()
    client.force_login(coordinator)
    response = client.post(
        reverse("badges_admin:csv"), {"achievement": badge_a.pk, "language": "en", "file": csv_file(text)}
    )
    assert response.status_code == 200
    assert Award.objects.count() == before and mailoutbox == []
    errors = response.context["row_errors"]
    assert {number for number, _message in errors} == {3, 4, 5}
    assert len([number for number, _message in errors if number == 4]) == 4, "every problem of a row is listed"
    html = response.content.decode()
    assert "not-an-address" in html and "Nothing was saved" in html


def test_a_failure_while_awarding_undoes_the_rows_already_awarded(badge_a, assessor_b, coordinator):
    rows = csv_awards.read(GOOD_CSV.encode(), "en").rows
    before = Award.objects.count()
    with pytest.raises(PermissionDenied):
        issuing.award_many(badge_a, rows, by=assessor_b)
    assert Award.objects.count() == before
    assert len(issuing.award_many(badge_a, rows, by=coordinator)) == 2


def test_a_group_refused_halfway_leaves_no_baked_image_behind(badge_a, coordinator, monkeypatch):
    rows = csv_awards.read(GOOD_CSV.encode(), "en").rows
    written = []
    send = issuing.claiming.send_claim_email

    def send_then_fail_on_the_second(award):
        written.append(award.baked_png.name)
        if len(written) == 2:
            raise RuntimeError("the outbox is unavailable")
        send(award)

    monkeypatch.setattr(issuing.claiming, "send_claim_email", send_then_fail_on_the_second)
    before = Award.objects.count()
    with pytest.raises(RuntimeError):
        issuing.award_many(badge_a, rows, by=coordinator)
    assert Award.objects.count() == before
    storage = Award._meta.get_field("baked_png").storage
    assert len(written) == 2 and all(written) and not any(storage.exists(name) for name in written)


def test_an_assessor_cannot_award_another_partners_badge_from_a_csv_file(client, assessor_b, badge_a):
    before = Award.objects.count()
    client.force_login(assessor_b)
    response = client.post(
        reverse("badges_admin:csv"), {"achievement": badge_a.pk, "language": "en", "file": csv_file(GOOD_CSV)}
    )
    assert response.status_code == 200 and Award.objects.count() == before
    assert "achievement" in response.context["form"].errors


def test_an_assessor_awards_their_own_partners_badge_on_every_path(client, assessor_a, badge_a, event):
    client.force_login(assessor_a)
    response = client.post(
        reverse("badges_admin:csv"), {"achievement": badge_a.pk, "language": "en", "file": csv_file(GOOD_CSV)}
    )
    assert response.status_code == 302
    person = attendance.attendees(event.key)[0]
    response = client.post(
        reverse("badges_admin:attendance"),
        {"event": event.key, "achievement": badge_a.pk, "attendees": [person.email], "evidence_narrative": "Seen."},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("badges_admin:create"),
        {
            "achievement": badge_a.pk,
            "recipient_name": "One",
            "recipient_email": "one@example.org",
            "evidence_narrative": "Seen.",
        },
    )
    assert response.status_code == 302
    assert Award.objects.filter(awarded_by=assessor_a).count() == 4


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"name,email\nA,a@example.org\n", "Columns missing"),
        ("name,email,evidence\nÀ,a@example.org,x\n".encode("latin-1"), "UTF-8"),
        (b"name,email,evidence\n", "no recipients"),
        (b"x" * (csv_awards.MAX_BYTES + 1), "1 MB"),
    ],
)
def test_a_file_that_cannot_be_used_says_why(data, problem):
    reading = csv_awards.read(data, "en")
    assert not reading.ok and problem in reading.errors[0][1]


def test_tabs_and_commas_are_both_read():
    for separator in ("\t", ","):
        text = separator.join(["name", "email", "evidence"]) + "\n" + separator.join(["A", "a@example.org", "x"])
        assert csv_awards.read(text.encode(), "en").ok
