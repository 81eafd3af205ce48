"""One fact, one place: an event's capacity, registration window and status are its
source page's in every language, and new places go to the waiting list first."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from wagtail_localize.models import Translation, TranslationSource

from core.sources import source_page
from events import registration as service
from events.choices import EventStatus
from events.models import EventPage, Registration
from tests.languages import WRITTEN

from .conftest import read_afresh, registration_data, set_capacity

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_events(open_events_of_the_module, db):
    """The open event of conftest.py, built once for this module and read afresh for each test."""
    return read_afresh(open_events_of_the_module)


def fresh(page):
    return EventPage.objects.get(pk=page.pk)


def register(page, email, capture):
    data = registration_data(email=email)
    with capture(execute=True):
        return service.register(fresh(page), data, page.locale.language_code, "http://testserver/")


def statuses(page):
    rows = Registration.objects.filter(roster__translation_key=page.translation_key, email__startswith="q")
    return dict(rows.values_list("email", "status"))


def cancelled_label(language):
    with translation.override(language):
        return str(EventStatus.CANCELLED.label)


def publish(page, **changes):
    page = fresh(page)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return fresh(page)


@pytest.fixture
def full_conference(open_event, django_capture_on_commit_callbacks, mailoutbox):
    """The conference with 2 places, taken, and 3 people waiting (q0 … q4 in that order)."""
    set_capacity(open_event, 2)
    for number in range(5):
        register(open_event, f"q{number}@example.org", django_capture_on_commit_callbacks)
    assert list(statuses(open_event).values()) == ["confirmed"] * 2 + ["waiting"] * 3
    mailoutbox.clear()
    return fresh(open_event)


# Capacity raised: the waiting list first -------------------------------------------


def test_raising_the_capacity_confirms_the_earliest_waiting_before_a_newcomer(
    full_conference, open_events, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(full_conference, capacity=4)
    assert statuses(full_conference) == {
        "q0@example.org": "confirmed",
        "q1@example.org": "confirmed",
        "q2@example.org": "confirmed",
        "q3@example.org": "confirmed",
        "q4@example.org": "waiting",
    }
    # Each person promoted gets the promotion notice, in order, with the calendar entry.
    assert [message.to for message in mailoutbox] == [["q2@example.org"], ["q3@example.org"]]
    assert all("place is free" in message.subject for message in mailoutbox)
    assert all(message.attachments for message in mailoutbox)

    # Someone registering after the raise (through another language) finds no place left:
    # they queue behind q4.
    newcomer = register(open_events["fr"], "q5@example.org", django_capture_on_commit_callbacks)
    assert newcomer.status == Registration.Status.WAITING
    assert statuses(full_conference)["q4@example.org"] == "waiting"

    # One more place: q4, who registered before the newcomer, gets it.
    with django_capture_on_commit_callbacks(execute=True):
        publish(full_conference, capacity=5)
    assert statuses(full_conference)["q4@example.org"] == "confirmed"
    assert statuses(full_conference)["q5@example.org"] == "waiting"


def test_a_newcomer_never_takes_a_place_someone_waiting_is_owed(
    full_conference, django_capture_on_commit_callbacks, mailoutbox
):
    # Places freed without anyone promoting (a bulk change of the database): the
    # next registration moves the people waiting in first.
    EventPage.objects.filter(translation_key=full_conference.translation_key).update(capacity=4)
    newcomer = register(full_conference, "q5@example.org", django_capture_on_commit_callbacks)
    assert newcomer.status == Registration.Status.WAITING
    assert statuses(full_conference) == {
        "q0@example.org": "confirmed",
        "q1@example.org": "confirmed",
        "q2@example.org": "confirmed",
        "q3@example.org": "confirmed",
        "q4@example.org": "waiting",
        "q5@example.org": "waiting",
    }
    positions = dict(
        Registration.objects.filter(status="waiting", email__startswith="q").values_list("email", "waiting_position")
    )
    assert positions["q4@example.org"] < positions["q5@example.org"]
    assert [message.to for message in mailoutbox] == [["q2@example.org"], ["q3@example.org"], ["q5@example.org"]]


def test_a_raise_with_room_for_everyone_waiting_leaves_places_for_newcomers(
    full_conference, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(full_conference, capacity=10)
    assert set(statuses(full_conference).values()) == {"confirmed"}
    newcomer = register(full_conference, "q5@example.org", django_capture_on_commit_callbacks)
    assert newcomer.status == Registration.Status.CONFIRMED
    assert fresh(full_conference).remaining_places == 10 - 6


def test_a_draft_capacity_promotes_nobody_until_it_is_published(full_conference, django_capture_on_commit_callbacks):
    page = fresh(full_conference)
    page.capacity = 4
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert list(statuses(full_conference).values()).count("confirmed") == 2


def test_nobody_is_promoted_into_a_cancelled_event(full_conference, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        publish(full_conference, status=EventStatus.CANCELLED, capacity=10)
    assert list(statuses(full_conference).values()).count("confirmed") == 2
    assert mailoutbox == []


def test_lowering_the_capacity_confirms_nobody_past_it_in_any_language(
    open_event, open_events, django_capture_on_commit_callbacks
):
    publish(open_event, capacity=1)
    french = open_events["fr"]
    assert register(french, "q0@example.org", django_capture_on_commit_callbacks).status == "confirmed"
    assert register(french, "q1@example.org", django_capture_on_commit_callbacks).status == "waiting"


# Forks: a translation cannot change what visitors get ---------------------------------


def fork(page, **values):
    """Give one translation its own values in the database, as a stopped translation could."""
    EventPage.objects.filter(pk=page.pk).update(**values)
    return fresh(page)


def test_a_forked_french_capacity_changes_nothing_for_visitors_in_any_language(
    client, open_events, django_capture_on_commit_callbacks
):
    english = publish(open_events["en"], capacity=2)
    french = fork(open_events["fr"], capacity=500)
    for language in WRITTEN:
        page = fresh(open_events[language])
        assert page.facts.capacity == 2
        html = client.get(page.url).content.decode()
        (script,) = [
            json.loads(tag.string)
            for tag in BeautifulSoup(html, "lxml").find_all("script", type="application/ld+json")
            if '"Event"' in tag.string
        ]
        assert script["maximumAttendeeCapacity"] == 2
    # Registrations through the forked copy stop at the source's capacity.
    outcomes = [
        register(french, f"q{number}@example.org", django_capture_on_commit_callbacks).status for number in range(3)
    ]
    assert outcomes == ["confirmed", "confirmed", "waiting"]
    assert fresh(english).capacity == 2


def test_publishing_a_forked_translation_does_not_change_the_shared_capacity(
    open_events, django_capture_on_commit_callbacks
):
    english = publish(open_events["en"], capacity=3)
    french = fresh(open_events["fr"])
    french.capacity = 900
    french.registration_closes = french.start - timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        french.save_revision().publish()
    assert fresh(english).capacity == 3
    for language in WRITTEN:
        facts = fresh(open_events[language]).facts
        assert facts.capacity == 3
        assert facts.registration_closes == fresh(english).registration_closes


def test_cancelling_on_the_source_page_closes_registration_in_every_language(
    client, open_events, django_capture_on_commit_callbacks
):
    publish(open_events["en"], status=EventStatus.CANCELLED)
    french = fork(open_events["fr"], status=EventStatus.SCHEDULED)
    assert french.registration_state() == "none"
    with pytest.raises(service.RegistrationClosed):
        register(french, "q0@example.org", django_capture_on_commit_callbacks)
    response = client.post(french.url + french.reverse_subpage("register"), registration_data(email="q1@example.org"))
    assert response.status_code == 400
    assert not Registration.objects.filter(email__in=["q0@example.org", "q1@example.org"]).exists()
    assert cancelled_label("fr") in client.get(french.url).content.decode()


def test_a_forked_registration_window_does_not_open_registration(open_events, django_capture_on_commit_callbacks):
    later = timezone.now() + timedelta(days=3)
    publish(open_events["en"], registration_opens=later)
    french = fork(open_events["fr"], registration_opens=timezone.now() - timedelta(days=3))
    assert french.registration_state() == "not-yet"
    with pytest.raises(service.RegistrationClosed):
        register(french, "q0@example.org", django_capture_on_commit_callbacks)


def test_listing_and_calendar_feed_show_the_source_status(client, open_events, indexes):
    publish(open_events["en"], status=EventStatus.CANCELLED)
    french = fork(open_events["fr"], status=EventStatus.SCHEDULED)
    listing = client.get(indexes["fr"].url).content.decode()
    card = next(
        item for item in BeautifulSoup(listing, "lxml").select(".event-card") if french.title in item.get_text()
    )
    assert cancelled_label("fr") in card.get_text()
    feed = client.get(indexes["fr"].url + "ics/").content.decode()
    event = feed.split(f"UID:{french.translation_key}")[1].split("END:VEVENT")[0]
    assert "STATUS:CANCELLED" in event


# The editor: facts are edited on the source page only ---------------------------------------


def form_for(page, user):
    form_class = EventPage.get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def test_a_translation_form_has_no_fact_fields_even_after_stop_translation(admin_client, admin_user, open_events):
    english = open_events["en"]
    french = open_events["fr"]
    translation = Translation.objects.get(source__object_id=french.translation_key, target_locale=french.locale)
    response = admin_client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": f"/admin/pages/{french.pk}/edit/"}
    )
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled is False

    for name in ("capacity", "status", "registration_opens", "registration_closes"):
        assert name in form_for(fresh(english), admin_user).fields
        assert name not in form_for(fresh(french), admin_user).fields
    # Other fields stay editable on the stopped translation.
    assert "venue_name" in form_for(fresh(french), admin_user).fields

    editor = admin_client.get(f"/admin/pages/{french.pk}/edit/")
    assert editor.status_code == 200
    soup = BeautifulSoup(editor.content, "lxml")
    assert soup.find("input", attrs={"name": "capacity"}) is None
    assert f"/admin/pages/{english.pk}/edit/" in editor.content.decode()
    assert "The same in every language." in editor.content.decode()
    source_editor = admin_client.get(f"/admin/pages/{english.pk}/edit/")
    assert BeautifulSoup(source_editor.content, "lxml").find("input", attrs={"name": "capacity"}) is not None


# Which page is the source -----------------------------------------------------------------


def test_the_source_is_the_page_translated_from_else_the_default_language(open_events):
    english = open_events["en"]
    french = open_events["fr"]
    dutch = open_events["nl"]
    assert source_page(fresh(french)).pk == english.pk
    assert source_page(fresh(english)).pk == english.pk

    # An event first written in Dutch and translated from there: the Dutch page is the source.
    TranslationSource.objects.filter(object_id=english.translation_key).delete()
    TranslationSource.update_or_create_from_instance(fresh(dutch))
    fork(dutch, capacity=7)
    assert source_page(fresh(english)).pk == dutch.pk
    assert fresh(english).facts.capacity == 7

    # No translation source recorded: the page in the default language.
    TranslationSource.objects.filter(object_id=english.translation_key).delete()
    assert source_page(fresh(dutch)).pk == english.pk
    assert fresh(dutch).facts.capacity == fresh(english).capacity
