"""Participants and events against the cluster's targets: the pure computation, the
figures from the data, the index chart and the admin report with its CSV export."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from events.models import Registration
from events.targets import TARGETS, EventFigures, progress, totals
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


@pytest.mark.django_db
@pytest.mark.usefixtures("events_as_records")
def test_figures_follow_the_data(client):
    from events.targets import current_progress

    before = {row.kind: row for row in current_progress()}
    assert before["regional"].participants == 238
    assert before["regional"].events_held == 7
    assert before["workshop"].participants == 86
    assert before["conference"].events_held == 1
    assert before["conference"].participants == 167

    # Marking one more person present at a regional event counts once, across languages.
    absent = Registration.objects.filter(attended=False, roster__title__contains="Medway regional").first()
    absent.attended = True
    absent.save()
    after = {row.kind: row for row in current_progress()}
    assert after["regional"].participants == 239


@pytest.mark.django_db
@pytest.mark.usefixtures("events_as_records")
@pytest.mark.parametrize("language", WRITTEN)
def test_index_shows_the_chart_and_the_same_figures_as_a_table(client, indexes, language):
    soup = BeautifulSoup(client.get(indexes[language].url).content, "html.parser")
    table = soup.select_one(".event-targets__table")
    rows = [[cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    assert [row[4:] for row in rows] == [["238", "245"], ["86", "90"], ["167", "200"]]
    assert [row[1:4] for row in rows] == [["7", "0", "7"], ["2", "0", "2"], ["1", "0", "1"]]
    bars = soup.select(".event-targets__fill")
    assert [bar["width"] for bar in bars] == ["97", "96", "84"]


@pytest.mark.django_db
def test_example_events_are_not_counted_on_the_index(client, indexes):
    soup = BeautifulSoup(client.get(indexes["en"].url).content, "html.parser")
    rows = soup.select(".event-targets__table tbody tr")
    assert [[cell.get_text(strip=True) for cell in tr.find_all("td")][3] for tr in rows] == ["0", "0", "0"]


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_lists_and_exports_registrations_as_csv(admin_client):
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
    registration = Registration.objects.filter(attended=False).first()
    response = admin_client.get("/admin/event_registrations/", {"status": "cancelled"})
    assert response.status_code == 200
    edit = admin_client.get(f"/admin/event_registrations/edit/{registration.pk}/")
    assert edit.status_code == 200
    assert "Attended" in edit.content.decode()
    # No way to add a registration that would bypass the capacity check.
    assert admin_client.get("/admin/event_registrations/new/").status_code in {302, 403}


@pytest.mark.django_db
@pytest.mark.usefixtures("events_as_records")
def test_admin_targets_report_and_csv(admin_client):
    response = admin_client.get("/admin/reports/event-targets/")
    assert response.status_code == 200
    assert "245" in response.content.decode()
    export = admin_client.get("/admin/reports/event-targets/", {"export": "csv"})
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][0] == "Kind of event"
    assert [row[4] for row in rows[1:]] == ["238", "86", "167"]


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
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "start"})["value"].startswith("2014-10-09 09:30")

    # The typed wall-clock time is placed in the event's zone, whatever the editor's zone.
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    with timezone.override("Europe/Brussels"):
        as_parsed = timezone.make_aware(timezone.datetime(2014, 10, 9, 9, 30))
        assert venue_time(as_parsed, "Europe/London") == timezone.datetime(
            2014, 10, 9, 9, 30, tzinfo=ZoneInfo("Europe/London")
        )
