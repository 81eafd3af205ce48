"""The events index and event pages in every language: listing, filters, JSON-LD, calendars."""

import json

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from events.models import EventPage, Registration
from tests.languages import WRITTEN

from .conftest import registration_data

pytestmark = pytest.mark.django_db

# Content written for each language (interface strings follow once the catalogues are built).
VENUES = {
    "en": "Syntra West conference centre",
    "fr": "Centre de conférences de Syntra West",
    "nl": "Congrescentrum Syntra West",
}


def json_ld(response, kind):
    soup = BeautifulSoup(response.content, "html.parser")
    items = [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]
    return [item for item in items if item.get("@type") == kind]


@pytest.mark.parametrize("language", WRITTEN)
def test_index_lists_upcoming_and_past_events_in_its_language(client, indexes, language):
    index = indexes[language]
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("h1")) == 1
    upcoming, past = soup.select("section.event-section")
    upcoming_titles = [a.get_text() for a in upcoming.select(".card__title a")]
    past_titles = [a.get_text() for a in past.select(".card__title a")]
    expected = {p.title for p in EventPage.objects.live().filter(locale=index.locale)}
    assert set(upcoming_titles + past_titles) == expected
    open_event = EventPage.objects.get(locale=index.locale, end__gte=timezone.now())
    assert upcoming_titles == [open_event.title]
    assert len(past_titles) == 10
    assert json_ld(response, "CollectionPage")
    assert "csrftoken" not in response.cookies  # no form here, no cookie


@pytest.mark.parametrize("language", WRITTEN)
def test_event_page_renders_in_every_language(client, event_pages, language):
    page = event_pages[("final-conference", language)]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert page.title in html
    assert VENUES[language] in html
    soup = BeautifulSoup(html, "html.parser")
    sessions = soup.select(".programme .session__title")
    assert [s.get_text() for s in sessions] == [block.value["title"] for block in page.programme]
    # Speakers appear in the page's language.
    speakers = page.programme_speakers()
    assert speakers and all(speaker.locale_id == page.locale_id for speaker in speakers)
    assert escape(speakers[0].role) in html
    # Registration is open on the upcoming example event: the page links to the form, which has its own address.
    open_event = event_pages[("registration-example", language)]
    soup = BeautifulSoup(client.get(open_event.url).content, "html.parser")
    assert soup.select_one("#register a.event__register")["href"] == open_event.url + "register/"


def test_past_event_shows_materials_and_no_form(client, event_pages):
    page = event_pages[("medway-regional-event", "fr")]
    response = client.get(page.url)
    html = response.content.decode()
    assert escape("Compte rendu de l'événement") in html
    assert 'class="registration-form"' not in html
    assert "csrftoken" not in response.cookies


def test_json_ld_event_has_current_remaining_capacity(client, open_event, django_capture_on_commit_callbacks):
    (event,) = json_ld(client.get(open_event.url), "Event")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"]["@type"] == "PostalAddress"
    assert event["location"]["address"]["addressCountry"] == "BE"
    assert "organizer" not in event  # the example event is no partner's
    assert event["maximumAttendeeCapacity"] == 200
    assert event["remainingAttendeeCapacity"] == 200
    assert event["startDate"].endswith(("+01:00", "+02:00"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(open_event.url + open_event.reverse_subpage("register"), registration_data())
    (event,) = json_ld(client.get(open_event.url), "Event")
    assert event["remainingAttendeeCapacity"] == 199


def test_filters_by_kind_and_region(client, indexes):
    index = indexes["en"]
    soup = BeautifulSoup(client.get(index.url, {"kind": "workshop"}).content, "html.parser")
    titles = [a.get_text() for a in soup.select(".event-section .card__title a")]
    assert len(titles) == 2 and all("workshop" in title.lower() for title in titles)

    soup = BeautifulSoup(client.get(index.url, {"region": "kent"}).content, "html.parser")
    assert len(soup.select(".event-section .card__title a")) == 2

    # Only values in use are offered.
    options = [o["value"] for o in soup.select("select[name=region] option")]
    assert "devon" not in options and "kent" in options


@pytest.mark.parametrize("params", [{"kind": "party"}, {"region": "<script>"}, {"page": "x"}, {"page": "999"}])
def test_bad_filter_values_give_a_message_not_an_error(client, indexes, params):
    response = client.get(indexes["en"].url, params)
    assert response.status_code == 200
    if "page" not in params:
        assert "is not one of the choices" in response.content.decode()
        assert "<script>" not in response.content.decode().split("</head>")[1].replace("&lt;script&gt;", "")


def test_index_query_count_does_not_grow_with_events(client, indexes, event_pages):
    index = indexes["en"]
    client.get(index.url)  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as before:
        client.get(index.url)
    # Double the number of past events.
    for (slug, language), page in list(event_pages.items()):
        if language == "en" and page.kind == "regional":
            copy = page.copy(update_attrs={"slug": f"{slug}-copy", "title": f"{page.title} (copy)"}, keep_live=True)
            assert copy.live
    with CaptureQueriesContext(connection) as after:
        response = client.get(index.url)
    assert response.content.decode().count("(copy)") >= 3
    assert len(after) == len(before)


def test_event_ics_parses_with_time_zones(client, event_pages):
    page = event_pages[("medway-regional-event", "fr")]
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
    assert event.decoded("dtstart") == page.start
    assert event.decoded("dtend") == page.end
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert "plein-pied" not in str(event.get("description", ""))  # description is the intro and body
    assert page.intro in str(event["description"])


@pytest.mark.parametrize("language", WRITTEN)
def test_calendar_feed_has_every_event_of_the_language(client, indexes, language):
    index = indexes[language]
    response = client.get(index.url + index.reverse_subpage("calendar"))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    pages = EventPage.objects.live().filter(locale=index.locale)
    assert {str(e["summary"]) for e in events} == {p.title for p in pages}
    assert {str(e["uid"]).split("@")[0] for e in events} == {str(p.translation_key) for p in pages}
    zones = {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/London", "Europe/Brussels", "Europe/Paris", "Europe/Amsterdam"}


def test_uids_are_the_same_in_every_language(client, indexes):
    uids = []
    for language in WRITTEN:
        index = indexes[language]
        calendar = icalendar.Calendar.from_ical(client.get(index.url + index.reverse_subpage("calendar")).content)
        uids.append({str(e["uid"]) for e in calendar.walk("VEVENT")})
    assert uids[0] == uids[1] == uids[2]


def test_demo_registrations_and_attendance(db):
    assert Registration.objects.filter(attended=True).count() == 238 + 42 + 44 + 167
    assert not Registration.objects.exclude(email__endswith="@example.org").exists()
