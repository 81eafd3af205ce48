"""The demo's timeline fits the reference data: the STEPS events were held in 2014-2015,
before the cluster's activities ended, with attendance recorded; the one upcoming event
is an example that is not the cluster's; film credits stay within each project's years."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventPage, Registration

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_the_steps_events_were_held_in_2014_and_2015_with_attendance_recorded():
    end_by = datetime.date(2015, 9, 30)  # reference data: steps_cluster.activities_end_by
    events = EventPage.objects.filter(locale__language_code="en").exclude(kind="other")
    assert events.count() == 10
    for event in events:
        assert event.is_example
        assert datetime.date(2014, 1, 1) <= event.start.date() and event.end.date() <= end_by, event.title
        assert event.end < timezone.now()
        assert Registration.objects.filter(
            roster__translation_key=event.translation_key, attended__isnull=False
        ).exists()


def test_the_only_upcoming_event_is_a_flagged_example_without_a_host_partner():
    upcoming = EventPage.objects.filter(locale__language_code="en", end__gte=timezone.now())
    assert upcoming.count() == 1
    event = upcoming.get()
    assert event.is_example and event.kind == "other" and event.host_partner is None
    assert event.registration_open
    assert "STEPS" not in event.title


def test_film_credits_name_no_project_outside_its_years():
    from films.models import FilmPage

    for film in FilmPage.objects.filter(source_project__acronym="SoftSkills4EU"):
        assert "STEPS" not in film.credits


def test_proposed_crosswalk_links_read_as_proposed(client):
    from competences.models import Alignment

    alignment = Alignment.objects.select_related("source__framework").first()
    assert not alignment.approved and alignment.is_example
    url = f"/en/framework/{alignment.source.framework.code}/{alignment.source.code}/"
    response = client.get(url)
    assert response.status_code == 200
    assert b"proposed" in response.content
