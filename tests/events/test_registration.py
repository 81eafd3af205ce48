"""Registering for an event: capacity, waiting list, emails, cancel links, protection."""

import base64
import re
from datetime import timedelta

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.test import override_settings

from events import registration as service
from events.models import EventPage, Registration
from privacy import personal_data

from .conftest import read_afresh, registration_data, set_capacity

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_events(open_events_of_the_module, db):
    """The open event of conftest.py, built once for this module and read afresh for each test."""
    return read_afresh(open_events_of_the_module)


def register_url(page):
    return page.url + page.reverse_subpage("register")


def post_registration(client, page, capture, **overrides):
    with capture(execute=True):
        return client.post(register_url(page), registration_data(**overrides))


def fresh(page):
    return EventPage.objects.get(pk=page.pk)


def test_happy_path_sends_email_with_calendar_and_working_cancel_link(
    client, open_event, mailoutbox, django_capture_on_commit_callbacks
):
    response = post_registration(client, open_event, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "you are registered" in response.content.decode()
    registration = Registration.objects.get(email="ada@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == "en"
    assert registration.consent_at is not None and registration.consent_version

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ada@example.org"]
    assert open_event.title in message.subject
    (filename, content, mimetype) = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == [open_event.title]

    cancel_url = re.search(r"http://testserver(\S+/cancel/\S+/)", message.body).group(1)
    confirm = client.get(cancel_url)
    assert confirm.status_code == 200
    assert "Yes, cancel my registration" in confirm.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED  # a GET never cancels
    done = client.post(cancel_url)
    assert done.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    again = client.get(cancel_url)
    assert "already been cancelled" in again.content.decode()


def test_confirmation_email_is_in_the_registrants_language(
    client, open_events, mailoutbox, django_capture_on_commit_callbacks
):
    dutch = open_events["nl"]
    response = post_registration(client, dutch, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert Registration.objects.get(email="ada@example.org").language == "nl"
    assert dutch.title in mailoutbox[0].subject
    assert dutch.url in mailoutbox[0].body


def test_waiting_list_and_promotion_in_order(client, open_event, mailoutbox, django_capture_on_commit_callbacks):
    set_capacity(open_event, 2)
    page = fresh(open_event)
    for number in range(5):
        post_registration(client, page, django_capture_on_commit_callbacks, email=f"wl{number}@example.org")
    people = {r.email: r for r in Registration.objects.filter(roster__translation_key=page.translation_key)}
    assert [people[f"wl{n}@example.org"].status for n in range(5)] == ["confirmed"] * 2 + ["waiting"] * 3
    assert [people[f"wl{n}@example.org"].waiting_position for n in range(2, 5)] == [1, 2, 3]
    assert "waiting list" in mailoutbox[2].subject.lower()
    assert not mailoutbox[2].attachments  # no calendar entry without a place

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.cancel(page, people["wl0@example.org"].pk, "http://testserver/")
    statuses = dict(Registration.objects.filter(email__startswith="wl").values_list("email", "status"))
    assert statuses["wl2@example.org"] == "confirmed"  # first in line
    assert statuses["wl3@example.org"] == "waiting"
    assert [m.to for m in mailoutbox] == [["wl2@example.org"]]
    assert mailoutbox[0].attachments

    with django_capture_on_commit_callbacks(execute=True):
        service.cancel(page, people["wl1@example.org"].pk, "http://testserver/")
    assert Registration.objects.get(email="wl3@example.org").status == "confirmed"
    assert Registration.objects.get(email="wl4@example.org").status == "waiting"
    assert Registration.objects.filter(roster__translation_key=page.translation_key, status="confirmed").count() == 2


def test_capacity_is_shared_by_all_translations(client, open_events, django_capture_on_commit_callbacks):
    english = open_events["en"]
    set_capacity(english, 2)
    post_registration(client, fresh(english), django_capture_on_commit_callbacks, email="en@example.org")
    post_registration(
        client,
        fresh(open_events["fr"]),
        django_capture_on_commit_callbacks,
        email="fr@example.org",
    )
    response = post_registration(
        client,
        fresh(open_events["nl"]),
        django_capture_on_commit_callbacks,
        email="nl@example.org",
    )
    assert response.status_code == 200
    assert Registration.objects.get(email="nl@example.org").status == "waiting"
    assert fresh(open_events["nl"]).remaining_places == 0


def test_same_email_twice_is_refused_with_a_message(client, open_events, django_capture_on_commit_callbacks):
    post_registration(client, open_events["en"], django_capture_on_commit_callbacks)
    response = post_registration(
        client,
        open_events["fr"],
        django_capture_on_commit_callbacks,
        email="ADA@example.org ",
    )
    assert response.status_code == 400
    assert "déjà inscrite" in response.content.decode() or "already registered" in response.content.decode()
    assert Registration.objects.filter(email="ada@example.org").count() == 1


def test_invalid_form_keeps_what_was_typed(client, open_event, django_capture_on_commit_callbacks):
    response = post_registration(
        client, open_event, django_capture_on_commit_callbacks, email="not-an-email", consent="", access_needs="A ramp"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Ada Example"' in html
    assert 'value="Example College"' in html
    assert "A ramp</textarea>" in html
    assert 'value="education" selected' in html
    assert "Enter a valid email address" in html
    assert "Please give your consent" in html
    assert not Registration.objects.filter(name="Ada Example").exists()


def test_honeypot_pretends_success_and_stores_nothing(
    client, open_event, mailoutbox, django_capture_on_commit_callbacks
):
    response = post_registration(
        client, open_event, django_capture_on_commit_callbacks, website_url="http://spam.example"
    )
    assert response.status_code == 200
    assert not Registration.objects.filter(email="ada@example.org").exists()
    assert mailoutbox == []


@override_settings(PROTECTION_RATES={"events.register": "2/m"})
def test_rate_limit_stops_a_flood(client, open_event, django_capture_on_commit_callbacks):
    codes = [
        post_registration(
            client, open_event, django_capture_on_commit_callbacks, email=f"flood{n}@example.org"
        ).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]
    assert Registration.objects.filter(email__startswith="flood").count() == 2


@pytest.mark.parametrize("how", ["setting", "environment"])
def test_rate_limits_can_be_switched_off(
    client, open_event, settings, monkeypatch, how, django_capture_on_commit_callbacks
):
    settings.PROTECTION_RATES = {"events.register": "1/m"}
    if how == "setting":
        settings.RATELIMIT_ENABLE = False
    else:
        if hasattr(settings, "RATELIMIT_ENABLE"):
            del settings.RATELIMIT_ENABLE
        monkeypatch.setenv("RATELIMIT_ENABLE", "0")
    codes = [
        post_registration(
            client, open_event, django_capture_on_commit_callbacks, email=f"free{n}@example.org"
        ).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 200]


def test_registration_closed_for_past_events(client, past_event):
    past = past_event
    response = client.post(register_url(past), registration_data())
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    page = client.get(past.url).content.decode()
    assert '<form class="registration-form"' not in page


def test_the_registration_form_has_its_own_page(client, open_event):
    response = client.get(register_url(open_event))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.html["lang"] == "en"
    assert open_event.title in soup.title.get_text()
    assert soup.select_one(f"nav.breadcrumbs a[href='{open_event.url}']")
    assert open_event.title in soup.h1.get_text()
    assert soup.select_one(".event__facts time")  # when the event takes place
    assert "places left out of" in soup.select_one(".event__places").get_text()
    form = soup.select_one("form.registration-form")
    assert form["action"] == register_url(open_event)
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    for field in ("name", "email", "organisation", "sector", "access_needs", "consent"):
        control = form.select_one(f"[name={field}]")
        assert form.select_one(f"label[for={control['id']}]"), field
    assert personal_data.consent_text()[:60] in form.get_text()
    assert form.select_one("#id_consent")["aria-describedby"] == "id_consent_helptext"
    assert form.select_one("#id_website_url").find_parent(attrs={"hidden": True}) is not None
    # A form for one visitor: never kept by a shared cache.
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "noindex" in soup.select_one("meta[name=robots]")["content"]


def test_the_event_page_links_to_the_form_and_holds_no_token(client, open_event):
    response = client.get(open_event.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("form", class_="registration-form") is None
    link = soup.select_one("#register a.event__register")
    assert link["href"] == register_url(open_event)
    assert link.get_text() == "Register"
    assert "200 places left out of 200" in soup.select_one("#register").get_text()


def test_a_full_event_offers_the_waiting_list(client, open_event, django_capture_on_commit_callbacks):
    set_capacity(open_event, 1)
    post_registration(client, fresh(open_event), django_capture_on_commit_callbacks)
    soup = BeautifulSoup(client.get(open_event.url).content, "lxml")
    assert soup.select_one("#register a.event__register").get_text() == "Join the waiting list"
    form_page = BeautifulSoup(client.get(register_url(open_event)).content, "lxml")
    assert form_page.select_one("form.registration-form button").get_text() == "Join the waiting list"
    assert "waiting list" in form_page.select_one(".event__places").get_text()


def test_invalid_registration_comes_back_on_the_form_page(client, open_event, django_capture_on_commit_callbacks):
    response = post_registration(client, open_event, django_capture_on_commit_callbacks, email="not-an-email")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "lxml")
    assert open_event.title in soup.title.get_text()
    summary = soup.select_one("#registration-errors")
    assert summary["role"] == "alert"
    assert summary.select_one("a[href='#id_email']")
    email = soup.select_one("#id_email")
    assert email["value"] == "not-an-email"
    assert email["aria-invalid"] == "true"
    assert soup.select_one("#id_email_error")
    assert "private" in response["Cache-Control"]


def test_closed_registration_page_explains_and_links_back(client, past_event):
    past = past_event
    response = client.get(register_url(past))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.find("form", class_="registration-form") is None
    assert "This event has taken place." in soup.select_one("#register").get_text()
    assert soup.select_one(f"main a.button[href='{past.url}']").get_text() == "Back to the event"


def test_registration_not_yet_open_says_when_it_opens(client, open_event):
    from django.utils import timezone

    EventPage.objects.filter(translation_key=open_event.translation_key).update(
        registration_opens=timezone.now() + timedelta(days=3)
    )
    response = client.get(register_url(open_event))
    assert response.status_code == 200
    assert "Registration opens on" in response.content.decode()
    assert b'class="registration-form"' not in response.content


@pytest.mark.parametrize(
    "token, message",
    [
        ("nonsense", "not valid"),
        (
            base64.urlsafe_b64encode(signing.dumps({"r": 10**9}, salt=service.CANCEL_SALT).encode())
            .decode()
            .rstrip("="),
            "does not match",
        ),
    ],
    # The signed token differs from one collection to the next: each xdist worker must see the same names.
    ids=["nonsense", "unknown-registration"],
)
def test_bad_cancel_links_explain_themselves(client, open_event, token, message):
    response = client.get(open_event.url + open_event.reverse_subpage("cancel", args=[token]))
    assert response.status_code in {400, 404}
    assert message in response.content.decode()


def test_expired_cancel_link(client, open_event, settings, django_capture_on_commit_callbacks):
    post_registration(client, open_event, django_capture_on_commit_callbacks)
    registration = Registration.objects.get(email="ada@example.org")
    token = service.cancel_token(registration)
    settings.EVENTS_CANCEL_LINK_MAX_AGE = -1
    response = client.get(open_event.url + open_event.reverse_subpage("cancel", args=[token]))
    assert response.status_code == 400
    assert "expired" in response.content.decode()


def test_registration_window(open_event):
    from django.utils import timezone

    assert open_event.registration_state() == "open"
    assert open_event.registration_state(now=open_event.registration_opens - timedelta(minutes=1)) == "not-yet"
    assert open_event.registration_state(now=open_event.registration_closes) == "closed"
    assert timezone.is_aware(open_event.start)


def test_the_event_page_is_served_from_the_page_cache_and_registrations_refresh_it(
    client, open_event, production_caching, django_capture_on_commit_callbacks
):
    first = client.get(open_event.url)
    second = client.get(open_event.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert b"csrfmiddlewaretoken" not in second.content
    assert b"200 places left out of 200" in second.content
    # The form page belongs to one visitor: the page cache never keeps it.
    assert "X-Page-Cache" not in client.get(register_url(open_event))
    assert "X-Page-Cache" not in client.get(register_url(open_event))

    post_registration(client, open_event, django_capture_on_commit_callbacks)
    refreshed = client.get(open_event.url)
    assert refreshed["X-Page-Cache"] == "miss"
    assert b"199 places left out of 200" in refreshed.content
