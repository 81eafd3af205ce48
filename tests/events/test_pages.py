"""The events index and event pages in every language: listing, filters, JSON-LD, calendars."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from caching import content_version
from events.models import EventPage, Registration
from tests.factories import EventPageFactory, PartnerFactory, SpeakerFactory, translate
from tests.languages import WRITTEN

from .conftest import registration_data

pytestmark = pytest.mark.django_db

REPORT = "https://example.org/report-of-the-day.pdf"

VENUES = {"en": "Harbour conference centre", "fr": "Centre de conférences du port", "nl": "Congrescentrum haven"}


def json_ld(response, kind):
    soup = BeautifulSoup(response.content, "lxml")
    items = [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]
    return [item for item in items if item.get("@type") == kind]


def session(title, *speakers, start_time="09:30"):
    speakers = [speaker.pk for speaker in speakers]
    value = {"start_time": start_time, "title": title, "summary": "", "speakers": speakers, "room": ""}
    return {"type": "session", "value": value}


def event_titles(section):
    return [a.get_text() for a in section.select(".card__title a")]


@pytest.mark.parametrize("language", WRITTEN)
def test_index_lists_upcoming_and_past_events_in_its_language(client, indexes, language):
    EventPageFactory(language=language, title="Coming workshop", days_ahead=20)
    EventPageFactory(language=language, title="Workshop of last year", days_ahead=-365)
    index = indexes[language]
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "lxml")
    assert len(soup.find_all("h1")) == 1
    upcoming, past = soup.select("section.event-section")
    expected = {p.title for p in EventPage.objects.live().filter(locale=index.locale)}
    assert set(event_titles(upcoming) + event_titles(past)) == expected
    assert "Coming workshop" in event_titles(upcoming) and "Workshop of last year" in event_titles(past)
    ended = set(EventPage.objects.filter(locale=index.locale, end__lt=timezone.now()).values_list("title", flat=True))
    assert not ended & set(event_titles(upcoming)) and set(event_titles(past)) <= ended
    assert json_ld(response, "CollectionPage")
    assert "csrftoken" not in response.cookies  # no form here, no cookie


@pytest.mark.parametrize("language", WRITTEN)
def test_event_page_renders_in_every_language(client, open_events, language):
    speaker = SpeakerFactory(name="Amelia Adams", role="Job coach")
    roles = {"en": "Job coach", "fr": "Coach emploi", "nl": "Jobcoach"}
    if language != "en":
        translate(speaker, language, role=roles[language])
    english = EventPageFactory(
        venue_name=VENUES["en"], programme=[session("Welcome", speaker), session("Workshops", start_time="10:30")]
    )
    page = english if language == "en" else translate(english, language, venue_name=VENUES[language])
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert page.title in html
    assert VENUES[language] in html
    soup = BeautifulSoup(html, "lxml")
    sessions = soup.select(".programme .session__title")
    assert [s.get_text() for s in sessions] == ["Welcome", "Workshops"]
    # Speakers appear in the page's language.
    speakers = page.programme_speakers()
    assert [speaker.locale_id for speaker in speakers] == [page.locale_id]
    assert escape(roles[language]) in html
    # Registration is open on the upcoming event: the page links to the form, which has its own address.
    open_event = open_events[language]
    soup = BeautifulSoup(client.get(open_event.url).content, "lxml")
    assert soup.select_one("#register a.event__register")["href"] == open_event.url + "register/"


def test_past_event_shows_materials_and_no_form(client):
    page = EventPageFactory(
        days_ahead=-365,
        materials=[{"type": "material", "value": {"kind": "report", "title": "Report of the day", "url": REPORT}}],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert "Report of the day" in html and REPORT in html
    assert 'class="registration-form"' not in html
    assert "csrftoken" not in response.cookies


def test_json_ld_event_has_current_remaining_capacity(client, open_event, django_capture_on_commit_callbacks):
    (event,) = json_ld(client.get(open_event.url), "Event")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"]["@type"] == "PostalAddress"
    assert event["location"]["address"]["addressCountry"] == "BE"
    assert "organizer" not in event  # no host partner
    assert event["maximumAttendeeCapacity"] == 200
    assert event["remainingAttendeeCapacity"] == 200
    assert event["startDate"].endswith(("+01:00", "+02:00"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(open_event.url + open_event.reverse_subpage("register"), registration_data())
    (event,) = json_ld(client.get(open_event.url), "Event")
    assert event["remainingAttendeeCapacity"] == 199


def test_filters_by_kind_and_region(client, indexes):
    workshops = [EventPageFactory(kind="workshop", region="kent").title for _ in range(2)]
    regional = EventPageFactory(kind="regional", region="norfolk").title
    index = indexes["en"]
    soup = BeautifulSoup(client.get(index.url, {"kind": "workshop"}).content, "lxml")
    titles = [a.get_text() for a in soup.select(".event-section .card__title a")]
    assert set(workshops) <= set(titles) and regional not in titles
    assert set(EventPage.objects.filter(title__in=titles).values_list("kind", flat=True)) == {"workshop"}

    soup = BeautifulSoup(client.get(index.url, {"region": "kent"}).content, "lxml")
    titles = [a.get_text() for a in soup.select(".event-section .card__title a")]
    assert set(workshops) <= set(titles) and regional not in titles
    assert set(EventPage.objects.filter(title__in=titles).values_list("region", flat=True)) == {"kent"}

    # Only values in use are offered.
    in_use = set(EventPage.objects.live().filter(locale=index.locale).values_list("region", flat=True))
    options = {o["value"] for o in soup.select("select[name=region] option") if o["value"]}
    assert options == in_use - {""}
    assert {"kent", "norfolk"} <= options


@pytest.mark.parametrize("params", [{"kind": "party"}, {"region": "<script>"}, {"page": "x"}, {"page": "999"}])
def test_bad_filter_values_give_a_message_not_an_error(client, indexes, params):
    response = client.get(indexes["en"].url, params)
    assert response.status_code == 200
    if "page" not in params:
        assert "is not one of the choices" in response.content.decode()
        assert "<script>" not in response.content.decode().split("</head>")[1].replace("&lt;script&gt;", "")


def test_index_query_count_does_not_grow_with_events(client, indexes):
    index = indexes["en"]
    EventPageFactory(days_ahead=-100)
    client.get(index.url)  # warm what is kept per process whatever the content (site root paths)
    # Both measured as the first view after a change, when nothing is remembered.
    content_version.bump_version()
    with CaptureQueriesContext(connection) as before:
        client.get(index.url)
    for number in range(4):
        EventPageFactory(title=f"Added event {number}", days_ahead=-50 + number, host_partner=PartnerFactory())
    content_version.bump_version()
    with CaptureQueriesContext(connection) as after:
        response = client.get(index.url)
    assert response.content.decode().count("Added event") == 4
    assert len(after) == len(before)


def test_event_ics_parses_with_time_zones(client):
    start = datetime(2014, 10, 9, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    page = EventPageFactory(
        language="fr",
        title="Événement régional de Medway",
        intro="Une journée pour préparer le projet.",
        accessibility="Accès de plain-pied.",
        time_zone="Europe/London",
        start=start,
        end=start + timedelta(hours=7),
        venue_name="Salle des fêtes",
        locality="Chatham",
        country="GB",
    )
    response = client.get(page.url + page.reverse_subpage("ics"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"{page.translation_key}@testserver"
    assert str(event["summary"]) == page.title
    assert "Chatham" in str(event["location"])
    assert str(event["url"]).endswith(page.url)
    assert event.get("dtstamp") is not None
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert event.decoded("dtstart") == page.start == start
    assert event.decoded("dtend") == page.end
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert "plein-pied" not in str(event.get("description", ""))  # description is the intro and body
    assert page.intro in str(event["description"])


@pytest.mark.parametrize("language", WRITTEN)
def test_calendar_feed_has_every_event_of_the_language(client, indexes, language):
    EventPageFactory(language=language, time_zone="Europe/London")
    EventPageFactory(language=language, time_zone="Europe/Amsterdam", days_ahead=-30)
    index = indexes[language]
    response = client.get(index.url + index.reverse_subpage("calendar"))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    pages = EventPage.objects.live().filter(locale=index.locale)
    assert {str(e["summary"]) for e in events} == {p.title for p in pages}
    assert {str(e["uid"]).split("@")[0] for e in events} == {str(p.translation_key) for p in pages}
    # One time zone definition for each zone the events are in.
    zones = {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == set(pages.values_list("time_zone", flat=True))
    assert {"Europe/London", "Europe/Amsterdam"} <= zones


def test_uids_are_the_same_in_every_language(client, indexes, open_events):
    uid = f"{open_events['en'].translation_key}@testserver"
    for language in WRITTEN:
        index = indexes[language]
        calendar = icalendar.Calendar.from_ical(client.get(index.url + index.reverse_subpage("calendar")).content)
        assert uid in {str(e["uid"]) for e in calendar.walk("VEVENT")}, language


@pytest.mark.demo
def test_demo_registrations_and_attendance(db):
    assert Registration.objects.filter(attended=True).count() == 238 + 42 + 44 + 167
    assert not Registration.objects.exclude(email__endswith="@example.org").exists()


@pytest.mark.parametrize("zone", ["Europe/London", "Europe/Brussels", "Europe/Paris", "Europe/Amsterdam"])
def test_the_programme_area_time_zones_are_accepted(zone):
    from events.models import validate_time_zone

    validate_time_zone(zone)


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "Mars/Olympus", "../../etc/passwd", "", "europe/paris"])
def test_other_time_zones_are_refused(zone):
    from django.core.exceptions import ValidationError

    from events.models import validate_time_zone

    with pytest.raises(ValidationError):
        validate_time_zone(zone)
