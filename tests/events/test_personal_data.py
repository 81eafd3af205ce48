"""Personal data of registrations: export, erasure and anonymisation after the retention period."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Registration
from privacy import personal_data
from tests.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("personal_data", *args, stdout=out)
    return out.getvalue()


def test_events_registers_its_source():
    assert "events.registration" in {source.label for source in personal_data.sources()}


def test_export_gives_one_persons_records_as_json():
    person = RegistrationFactory(event=EventPageFactory(), email="ada@example.org")
    data = json.loads(run("export", "--email", person.email.upper()))
    (record,) = data["events.registration"]
    assert record["email"] == person.email
    assert record["name"] == person.name
    assert record["consent_version"] == person.consent_version


def test_erase_blanks_personal_fields_and_keeps_counts():
    event = EventPageFactory(days_ahead=-10)
    person, _other = RegistrationFactory.create_batch(2, event=event, attended=True, access_needs="A quiet room")
    attended_before = Registration.objects.filter(roster=person.roster, attended=True).count()
    output = run("erase", "--email", person.email)
    assert "1 record(s) erased" in output
    person.refresh_from_db()
    assert (person.name, person.email, person.organisation, person.access_needs) == ("", "", "", "")
    assert person.anonymised_at is not None
    assert Registration.objects.filter(roster=person.roster, attended=True).count() == attended_before
    assert json.loads(run("export", "--email", "nobody@example.org"))["events.registration"] == []


def test_anonymise_expired_only_touches_events_past_the_retention_period(settings):
    from events.targets import current_progress

    RegistrationFactory.create_batch(3, event=EventPageFactory(days_ahead=-400), attended=True)
    RegistrationFactory(event=EventPageFactory(days_ahead=20))
    participants = {row.kind: row.participants for row in current_progress()}
    settings.PERSONAL_DATA_RETENTION_DAYS = 180
    output = run("anonymise-expired")
    from django.utils import timezone

    from events.models import EventPage

    upcoming = EventPage.objects.filter(end__gte=timezone.now()).values("translation_key")
    past = Registration.objects.exclude(roster__translation_key__in=upcoming)
    assert f"{past.count()} record(s) anonymised" in output
    assert not past.filter(anonymised_at__isnull=True).exists()
    assert not past.exclude(email="").exists()
    assert {row.kind: row.participants for row in current_progress()} == participants


def test_recent_events_are_kept(settings, open_event):
    from django.utils import timezone

    from events.models import Roster

    Registration.objects.create(
        roster=Roster.for_event(open_event),
        language="en",
        name="Kept",
        email="kept@example.org",
        sector="hr",
        consent_at=timezone.now(),
    )
    run("anonymise-expired")
    assert Registration.objects.get(email="kept@example.org").name == "Kept"


def test_bad_email_is_refused():
    with pytest.raises(CommandError):
        run("export", "--email", "not an email")


def test_erasing_a_place_at_a_coming_event_frees_it_for_the_waiting_list(
    open_event, django_capture_on_commit_callbacks
):
    from events import registration as service
    from events.models import EventPage

    EventPage.objects.filter(translation_key=open_event.translation_key).update(capacity=1)
    page = EventPage.objects.get(pk=open_event.pk)
    for email in ["first@example.org", "second@example.org"]:
        service.register(page, {"name": email, "email": email, "sector": "hr"}, "en", "http://testserver/")
    with django_capture_on_commit_callbacks(execute=True):
        run("erase", "--email", "first@example.org")
    assert Registration.objects.get(email="second@example.org").status == "confirmed"
    erased = Registration.objects.get(roster__translation_key=open_event.translation_key, email="")
    assert erased.status == "cancelled"


def test_registrations_of_a_deleted_event_expire_from_their_own_date(settings, open_event):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import EventPage, Roster

    settings.PERSONAL_DATA_RETENTION_DAYS = 180
    roster = Roster.for_event(open_event)
    long_ago = timezone.now() - timedelta(days=200)

    def register(email, **dates):
        registration = Registration.objects.create(
            roster=roster, language="en", name="Someone", email=email, sector="hr", consent_at=long_ago
        )
        Registration.objects.filter(pk=registration.pk).update(**dates)
        return registration

    old = register("old@example.org", created_at=long_ago)
    recent = register("recent@example.org")
    cancelled_lately = register(
        "cancelled@example.org",
        created_at=long_ago,
        status=Registration.Status.CANCELLED,
        cancelled_at=timezone.now() - timedelta(days=3),
    )
    # While the event is still to come, even an old registration is kept.
    run("anonymise-expired")
    assert Registration.objects.get(pk=old.pk).anonymised_at is None

    for page in EventPage.objects.filter(translation_key=open_event.translation_key):
        page.delete()
    run("anonymise-expired")

    old.refresh_from_db()
    assert old.anonymised_at is not None and (old.name, old.email) == ("", "")
    assert Registration.objects.get(pk=recent.pk).name == "Someone"
    assert Registration.objects.get(pk=cancelled_lately.pk).email == "cancelled@example.org"
