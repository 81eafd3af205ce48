"""Coordinators export, erase and expire personal data from the registrations and print-request listings."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from editorial.roles import COORDINATORS
from events.models import EventPage, Registration, Roster
from events.targets import current_progress
from privacy import personal_data
from publications.models import PrintRequest

pytestmark = pytest.mark.django_db

LISTINGS = {"event_registrations": Registration, "print_requests": PrintRequest}


@pytest.fixture
def coordinator(django_user_model):
    user = django_user_model.objects.create_user("coord", password="x")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    return user


@pytest.fixture
def editor(django_user_model):
    """An English editor who may see (and edit) registrations and print requests, but is no coordinator."""
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(Group.objects.get(name="English editors"))
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_registration", "change_registration", "view_printrequest", "change_printrequest"]
        )
    )
    return user


def url(listing, name, *args):
    return reverse(f"{listing}:{name}", args=args)


def participants():
    return {row.kind: row.participants for row in current_progress()}


def past_attendee():
    return Registration.objects.filter(attended=True, anonymised_at__isnull=True).select_related("roster").first()


@pytest.mark.parametrize("listing", LISTINGS)
def test_the_listing_offers_the_actions_to_coordinators(client, admin_user, listing):
    client.force_login(admin_user)
    html = client.get(url(listing, "index")).content.decode()
    record = LISTINGS[listing].objects.exclude(email="").first()
    assert url(listing, "personal_data_anonymise_expired") in html
    assert url(listing, "personal_data_export", record.pk) in html
    assert url(listing, "personal_data_erase", record.pk) in html
    edit = client.get(url(listing, "edit", record.pk)).content.decode()
    assert url(listing, "personal_data_erase", record.pk) in edit


@pytest.mark.parametrize("listing", LISTINGS)
def test_the_listing_hides_the_actions_from_other_editors(client, editor, listing):
    client.force_login(editor)
    response = client.get(url(listing, "index"))
    assert response.status_code == 200
    assert "personal-data/" not in response.content.decode()


def test_export_gives_the_persons_records_from_every_source(client, coordinator):
    person = past_attendee()
    client.force_login(coordinator)
    response = client.get(url("event_registrations", "personal_data_export", person.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["email"] == person.email
    assert set(data["records"]) == {source.label for source in personal_data.sources()}
    assert person.name in {record["name"] for record in data["records"]["events.registration"]}


def test_erasing_from_a_registration_anonymises_the_person_and_keeps_the_totals(client, coordinator):
    person = past_attendee()
    email = person.email
    totals = participants()
    attended = Registration.objects.filter(roster=person.roster, attended=True).count()
    client.force_login(coordinator)
    confirm = client.get(url("event_registrations", "personal_data_erase", person.pk))
    assert confirm.status_code == 200 and email in confirm.content.decode()
    # Each kind of record is named as people call it, not by its internal label.
    assert "event registrations: 1 record" in confirm.content.decode()
    assert "events.registration" not in confirm.content.decode()
    response = client.post(url("event_registrations", "personal_data_erase", person.pk), follow=True)
    message = response.content.decode()
    assert "Personal data erased (records anonymised):" in message and "event registrations: 1" in message
    person.refresh_from_db()
    assert (person.name, person.email, person.organisation, person.access_needs) == ("", "", "", "")
    assert person.anonymised_at is not None
    assert not Registration.objects.filter(email__iexact=email).exists()
    assert Registration.objects.filter(roster=person.roster, attended=True).count() == attended
    assert participants() == totals


def test_erasing_from_a_print_request_uses_the_same_mechanism(client, coordinator):
    request = PrintRequest.objects.get(email="c.lambert@example.org")
    client.force_login(coordinator)
    client.post(url("print_requests", "personal_data_erase", request.pk))
    request.refresh_from_db()
    assert request.name == request.email == request.address == ""
    assert request.copies == 5 and request.anonymised_at is not None


def test_anonymise_expired_now_does_what_the_daily_task_does(client, coordinator, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 180
    open_event = EventPage.objects.filter(end__gte=timezone.now(), locale__language_code="en").first()
    Registration.objects.create(
        roster=Roster.for_event(open_event), language="en", name="Kept", email="kept@example.org", sector="hr"
    )
    totals = participants()
    past = Registration.objects.exclude(roster__translation_key=open_event.translation_key)
    assert past.exclude(email="").exists()
    client.force_login(coordinator)
    response = client.post(url("print_requests", "personal_data_anonymise_expired"), follow=True)
    assert "Expired personal data anonymised" in response.content.decode()
    assert not past.exclude(email="").exists()
    assert Registration.objects.get(email="kept@example.org").name == "Kept"
    assert participants() == totals


@pytest.mark.parametrize("method", ["get", "post"])
def test_other_editors_may_not_use_the_actions(client, editor, method):
    person = past_attendee()
    anonymised = Registration.objects.filter(anonymised_at__isnull=False).count()
    client.force_login(editor)
    for address in (
        url("event_registrations", "personal_data_erase", person.pk),
        url("event_registrations", "personal_data_export", person.pk),
        url("print_requests", "personal_data_anonymise_expired"),
    ):
        response = getattr(client, method)(address)
        # Wagtail answers a denied admin view by sending the user back to the dashboard.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    person.refresh_from_db()
    assert person.email and person.anonymised_at is None
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == anonymised


def test_anonymous_visitors_are_sent_to_the_login(client):
    person = past_attendee()
    response = client.post(url("event_registrations", "personal_data_erase", person.pk))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    person.refresh_from_db()
    assert person.anonymised_at is None


def test_an_anonymised_record_says_so_instead_of_failing(client, coordinator):
    person = past_attendee()
    personal_data.erase(person.email)
    client.force_login(coordinator)
    response = client.get(url("event_registrations", "personal_data_erase", person.pk), follow=True)
    assert response.status_code == 200
    assert "holds no personal data any more" in response.content.decode()
