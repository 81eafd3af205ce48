"""Participants and events against the cluster's targets: the pure computation, the
figures from the data, the index chart and the admin report with its CSV export."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from events.models import Registration
from events.targets import TARGETS, EventFigures, progress, totals
from tests.factories import EventPageFactory, RegistrationFactory, translate
from tests.languages import WRITTEN


def test_progress_counts_attendance_when_marked_and_confirmed_otherwise():
    rows = progress(
        [
            EventFigures("regional", held=True, confirmed=40, attended=35, attendance_marked=True),
            EventFigures("regional", held=True, confirmed=30, attended=0, attendance_marked=False),
            EventFigures("regional", held=False, confirmed=12),
            EventFigures("workshop", held=True, confirmed=50, attended=47, attendance_marked=True),
            EventFigures("other", held=True, confirmed=99),
        ]
    )
    by_kind = {row.kind: row for row in rows}
    assert list(by_kind) == ["regional", "workshop", "conference"]
    regional = by_kind["regional"]
    assert (regional.events_held, regional.events_planned, regional.events_target) == (2, 1, 7)
    assert regional.participants == 35 + 30 + 12
    assert regional.participants_target == 245
    assert by_kind["workshop"].participants == 47 and by_kind["workshop"].participants_target == 90
    assert by_kind["conference"].participants == 0 and by_kind["conference"].participants_percent == 0
    assert totals(rows)["participants_target"] == 245 + 90 + 200


def test_percentages_are_capped_for_the_chart():
    (row,) = progress([EventFigures("conference", held=True, confirmed=260)], {"conference": TARGETS["conference"]})
    assert row.participants == 260
    assert row.participants_percent == 100


def registrations(event, attended=(), confirmed=0):
    """Registrations for `event`: one per value of `attended` (marked present or absent),
    then `confirmed` more with no attendance marked."""
    for value in attended:
        RegistrationFactory(event=event, attended=value)
    RegistrationFactory.create_batch(confirmed, event=event)


@pytest.fixture
def held_events(db):
    """The cluster's events as records: two regional events held (one with attendance
    marked: 3 present, 1 absent; one unmarked with 2 confirmed), one planned (1 confirmed)
    and a workshop held (5 present); no conference yet."""
    marked = EventPageFactory(kind="regional", days_ahead=-200)
    translate(marked, "fr")
    registrations(marked, attended=[True, True, True, False])
    registrations(EventPageFactory(kind="regional", days_ahead=-100), confirmed=2)
    registrations(EventPageFactory(kind="regional", days_ahead=40), confirmed=1)
    registrations(EventPageFactory(kind="workshop", days_ahead=-50), attended=[True] * 5)
    return marked


def target_rows(client, index):
    soup = BeautifulSoup(client.get(index.url).content, "lxml")
    table = soup.select_one(".event-targets__table")
    rows = [[cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    return soup, rows


def test_figures_follow_the_data(held_events):
    from events.targets import current_progress

    before = {row.kind: row for row in current_progress()}
    assert (before["regional"].events_held, before["regional"].events_planned) == (2, 1)
    assert before["regional"].participants == 3 + 2 + 1
    assert (before["workshop"].events_held, before["workshop"].participants) == (1, 5)
    assert (before["conference"].events_held, before["conference"].participants) == (0, 0)

    # Marking one more person present counts once, though the event is in two languages.
    absent = Registration.objects.get(roster__translation_key=held_events.translation_key, attended=False)
    absent.attended = True
    absent.save()
    after = {row.kind: row for row in current_progress()}
    assert after["regional"].participants == 7


@pytest.mark.parametrize("language", WRITTEN)
def test_index_shows_the_chart_and_the_same_figures_as_a_table(client, indexes, held_events, language):
    soup, rows = target_rows(client, indexes[language])
    assert [row[4:] for row in rows] == [["6", "245"], ["5", "90"], ["0", "200"]]
    assert [row[1:4] for row in rows] == [["2", "1", "7"], ["1", "0", "2"], ["0", "0", "1"]]
    bars = soup.select(".event-targets__fill")
    assert [bar["width"] for bar in bars] == ["2", "6", "0"]  # percent of the participants target


def test_example_events_are_not_counted_on_the_index(client, indexes, held_events):
    _soup, before = target_rows(client, indexes["en"])
    example = EventPageFactory(kind="workshop", days_ahead=-20, is_example=True)
    registrations(example, attended=[True] * 30)
    _soup, after = target_rows(client, indexes["en"])
    assert after == before


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_lists_and_exports_registrations_as_csv(admin_client):
    RegistrationFactory(event=EventPageFactory())
    listing = admin_client.get("/admin/event_registrations/")
    assert listing.status_code == 200
    response = admin_client.get("/admin/event_registrations/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == Registration.objects.count()
    assert {"Event", "Name", "Email", "Status", "Attended"} <= set(rows[0])


@pytest.mark.django_db
def test_admin_filters_by_status_and_marks_attendance(admin_client):
    registration = RegistrationFactory(event=EventPageFactory(days_ahead=-10), attended=False)
    response = admin_client.get("/admin/event_registrations/", {"status": "cancelled"})
    assert response.status_code == 200
    edit = admin_client.get(f"/admin/event_registrations/edit/{registration.pk}/")
    assert edit.status_code == 200
    assert "Attended" in edit.content.decode()
    # No way to add a registration that would bypass the capacity check.
    assert admin_client.get("/admin/event_registrations/new/").status_code in {302, 403}


@pytest.mark.usefixtures("held_events")
def test_admin_targets_report_and_csv(admin_client):
    response = admin_client.get("/admin/reports/event-targets/")
    assert response.status_code == 200
    assert "245" in response.content.decode()
    export = admin_client.get("/admin/reports/event-targets/", {"export": "csv"})
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][0] == "Kind of event"
    assert [row[4] for row in rows[1:]] == ["6", "5", "0"]


@pytest.mark.django_db
def test_editors_see_and_type_times_in_the_venues_time_zone(admin_client):
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from events.models import EventPage, EventPageForm, venue_time
    from tests.factories import EventPageFactory

    start = timezone.datetime(2014, 10, 9, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    london = EventPageFactory(time_zone="Europe/London", start=start, end=start.replace(hour=16))
    response = admin_client.get(f"/admin/pages/{london.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.find("input", attrs={"name": "start"})["value"].startswith("2014-10-09 09:30")

    # The typed wall-clock time is placed in the event's zone, whatever the editor's zone.
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    with timezone.override("Europe/Brussels"):
        as_parsed = timezone.make_aware(timezone.datetime(2014, 10, 9, 9, 30))
        assert venue_time(as_parsed, "Europe/London") == timezone.datetime(
            2014, 10, 9, 9, 30, tzinfo=ZoneInfo("Europe/London")
        )
