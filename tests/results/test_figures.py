"""The results follow the site's data: every figure is counted live, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caching import content_version
from events.choices import Kind
from events.models import EventPage, Registration, Roster
from events.targets import TARGETS as EVENT_TARGETS
from films.models import FilmPage
from home.models import StandardPage
from publications.models import PrintRequest, PublicationPage
from publications.printing import request_copies
from results.figures import (
    FILMS_TARGET,
    PRINTED_COPIES_TARGET,
    Measure,
    export_rows,
    results,
)
from tests.languages import UNWRITTEN, WRITTEN
from toolkit.models import ToolPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_as_records")]


def measure(data, label):
    return next(m for output in data.outputs for m in output.measures if str(m.label) == label)


def cell(data, table, language, column):
    row = next(row for row in data.table(table).rows if row.language == language)
    return next(m for m in row.cells if str(m.label) == column)


def total(data, table, column):
    return next(m for m in data.table(table).totals.cells if str(m.label) == column)


# Pure behaviour of a figure ---------------------------------------------------------------


def test_a_figure_gives_its_share_of_the_target_and_a_bar_that_never_overflows():
    assert Measure("Films", 5, 10).percent == 50
    assert Measure("Films", 5, 10).bar == 50
    exceeded = Measure("Participants", 300, 200)
    assert exceeded.percent == 150 and exceeded.bar == 100
    assert Measure("Downloads", 7).percent is None
    assert Measure("Downloads", 7, scale=14).bar == 50
    assert Measure("Downloads", 0).bar == 0


# The targets ---------------------------------------------------------------------------------


def test_every_planned_output_has_its_target():
    data = results("en")
    assert [output.key for output in data.outputs] == [
        "events-regional",
        "events-workshop",
        "events-conference",
        "films",
        "platform",
        "publication",
    ]
    by_key = {output.key: output for output in data.outputs}
    for kind in (Kind.REGIONAL, Kind.WORKSHOP, Kind.CONFERENCE):
        held, participants = by_key[f"events-{kind}"].measures
        assert held.target == EVENT_TARGETS[kind]["events"]
        assert participants.target == EVENT_TARGETS[kind]["participants"]
    assert by_key["films"].measures[0].target == FILMS_TARGET
    digital, printed = by_key["publication"].measures
    assert (digital.target, printed.target) == (1, PRINTED_COPIES_TARGET)
    # Seven outputs in the cluster's plan: three kinds of event, films, platform, publication, printed copies.
    assert sum(len(output.measures) for output in data.outputs if not output.key.startswith("events")) == 4


def test_the_demo_platform_and_films_are_live_in_every_language():
    data = results("en")
    # A language added without demo text has drafts only: the platform is not yet live in it.
    assert measure(data, "Web platform live in every language").actual == (0 if UNWRITTEN else 1)
    films = FilmPage.objects.live().filter(locale__language_code="en").count()
    assert measure(data, "Short films published").actual == films
    for code in WRITTEN:
        assert cell(data, "films", code, "Films published").actual == films


# Figures follow the data -------------------------------------------------------------------------


def test_a_new_confirmed_registration_raises_the_participants_of_its_kind():
    label = "Participants in the final conference"
    conference = EventPage.objects.live().filter(kind=Kind.CONFERENCE, locale__language_code="fr").first()
    # Before attendance is recorded, an event's participants are its confirmed registrations.
    Registration.objects.filter(roster__translation_key=conference.translation_key).update(attended=None)
    before = measure(results(), label).actual
    Registration.objects.create(
        roster=Roster.for_event(conference),
        language="fr",
        name="Camille Exemple",
        email="camille@example.org",
        sector="education",
        status=Registration.Status.CONFIRMED,
    )
    assert measure(results(), label).actual == before + 1
    # A place on the waiting list is no participant.
    Registration.objects.create(
        roster=Roster.for_event(conference),
        language="fr",
        name="Sam Exemple",
        email="sam@example.org",
        sector="education",
        status=Registration.Status.WAITING,
    )
    assert measure(results(), label).actual == before + 1


def test_a_download_raises_the_downloads_of_that_language_only(client):
    publication = PublicationPage.objects.live().get(locale__language_code="en")
    before = results()
    # A reader's browser: robots are not counted (COUNTER rules).
    reader = {
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0",
        "REMOTE_ADDR": "198.51.100.33",
    }
    response = client.get(publication.download_path("nl"), **reader)
    assert response.status_code == 200
    after = results()
    assert (
        cell(after, "publication", "nl", "Downloads (COUNTER rules)").actual
        == cell(before, "publication", "nl", "Downloads (COUNTER rules)").actual + 1
    )
    assert (
        cell(after, "publication", "fr", "Downloads (COUNTER rules)").actual
        == cell(before, "publication", "fr", "Downloads (COUNTER rules)").actual
    )
    assert (
        total(after, "publication", "Downloads (COUNTER rules)").actual
        == total(before, "publication", "Downloads (COUNTER rules)").actual + 1
    )


def test_a_new_copy_request_raises_the_copies_requested():
    publication = PublicationPage.objects.live().get(locale__language_code="en")
    column = "Copies requested, to be sent"
    before = results()
    request_copies(
        publication.stock,
        {
            "copies": 3,
            "name": "Robin Example",
            "email": "robin@example.org",
            "sector": "training",
            "address": "1 Example Road",
            "country": "BE",
        },
        "nl",
        "http://testserver",
    )
    after = results()
    assert cell(after, "copies", "nl", column).actual == cell(before, "copies", "nl", column).actual + 3
    assert total(after, "copies", column).actual == total(before, "copies", column).actual + 3
    # Sending them moves them from "requested" to "sent", which is the printed-copies target's figure.
    sent_before = measure(after, "Printed copies sent to readers").actual
    for copies in PrintRequest.objects.filter(email="robin@example.org"):
        copies.status = PrintRequest.Status.SENT
        copies.save()  # as the admin does: the save renews what counts copies
    final = results()
    assert measure(final, "Printed copies sent to readers").actual == sent_before + 3
    assert total(final, "copies", column).actual == total(before, "copies", column).actual


def test_unpublishing_a_french_page_lowers_the_french_share_only():
    before = results()
    StandardPage.objects.live().filter(locale__language_code="fr").first().unpublish()
    after = results()
    french_before = cell(before, "languages", "fr", "Pages translated")
    french_after = cell(after, "languages", "fr", "Pages translated")
    assert french_after.actual == french_before.actual - 1
    assert french_after.target == french_before.target
    assert french_after.percent <= french_before.percent
    assert (
        cell(after, "languages", "nl", "Pages translated").actual
        == cell(before, "languages", "nl", "Pages translated").actual
    )


def test_a_new_english_page_counts_as_untranslated_until_translated(homes):
    before = cell(results(), "languages", "fr", "Pages translated")
    homes["en"].add_child(
        instance=StandardPage(title="Only in English", slug="only-in-english", locale=homes["en"].locale)
    )
    StandardPage.objects.get(slug="only-in-english").save_revision().publish()
    after = cell(results(), "languages", "fr", "Pages translated")
    assert (after.actual, after.target) == (before.actual, before.target + 1)


def test_a_film_without_cues_in_a_language_is_not_captioned_in_it():
    data = results()
    film = FilmPage.objects.live().filter(locale__language_code="nl").first()
    film.captions = []
    film.save_revision().publish()
    after = results()
    assert (
        cell(after, "films", "nl", "Films captioned").actual == cell(data, "films", "nl", "Films captioned").actual - 1
    )
    assert cell(after, "films", "fr", "Films captioned").actual == cell(data, "films", "fr", "Films captioned").actual
    assert cell(after, "films", "nl", "Films published").actual == cell(data, "films", "nl", "Films published").actual


def test_methods_count_once_per_area_whatever_their_translations():
    data = results("en")
    areas = data.table("areas")
    all_methods = total(data, "areas", "Methods").actual
    assert all_methods == ToolPage.objects.live().filter(locale__language_code="en").count()
    assert all(0 <= next(iter(row.cells)).actual <= all_methods for row in areas.rows)
    # A method counted in an area leaves it once unpublished in every language.
    method = ToolPage.objects.live().filter(locale__language_code="en", competences__isnull=False).first()
    for version in method.get_translations(inclusive=True):
        version.unpublish()
    after = results("en")
    assert total(after, "areas", "Methods").actual == all_methods - 1
    assert sum(r.cells[0].actual for r in after.table("areas").rows) < sum(r.cells[0].actual for r in areas.rows)


def test_area_names_come_in_the_requested_language():
    english = [row.header for row in results("en").table("areas").rows]
    dutch = [row.header for row in results("nl").table("areas").rows]
    assert len(english) == len(dutch) > 0
    assert english != dutch
    assert all(e.split(":")[0] == d.split(":")[0] for e, d in zip(english, dutch, strict=True))


def test_an_unknown_language_falls_back_to_the_default_one():
    assert [row.header for row in results("xx").table("areas").rows] == [
        row.header for row in results("en").table("areas").rows
    ]


# Privacy and cost -----------------------------------------------------------------------------------


def test_no_figure_holds_personal_data():
    people = set(Registration.objects.values_list("name", flat=True)) | set(
        PrintRequest.objects.values_list("email", flat=True)
    )
    text = " ".join(f"{row.item} {row.measure} {row.section}" for row in export_rows(results()))
    assert people and not any(person and person in text for person in people)


def test_the_number_of_queries_is_small_and_does_not_grow_with_the_data(homes, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        results("fr")
    # Both measured as the first view after a change, when nothing is remembered.
    content_version.bump_version()
    with CaptureQueriesContext(connection) as before:
        results("fr")
    for number in range(5):
        page = StandardPage(title=f"Extra {number}", slug=f"extra-{number}", locale=homes["en"].locale)
        homes["en"].add_child(instance=page)
        page.save_revision().publish()
    publication = PublicationPage.objects.live().get(locale__language_code="en")
    for number in range(5):
        PrintRequest.objects.create(
            stock=publication.stock,
            status=PrintRequest.Status.WAITING,
            copies=1,
            language="fr",
            name="",
            email=f"person{number}@example.org",
            sector="other",
            address="",
            country="FR",
        )
    content_version.bump_version()
    with CaptureQueriesContext(connection) as after:
        results("fr")
    assert len(after.captured_queries) == len(before.captured_queries)
