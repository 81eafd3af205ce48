"""Archive mode: one setting closes every public form, turns events into a record and dates every page.

While `ARCHIVE_MODE` holds a date, every form page answers with a notice saying
where to turn instead, no public POST is taken (405, nothing stored), events show
what happened rather than places left, downloads and films keep working, and
every page says since when the site is an archive. Emptying the setting reopens
everything, and the page cache never serves the other state.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.checks import run_checks
from django.test import Client, override_settings

from events import registration as service
from events.models import Registration
from publications.models import PrintRequest

from .conftest import CONTACT, print_request_data, registration_data

pytestmark = pytest.mark.django_db

NOTICE = {
    "en": "This site has been an archive since",
    "fr": "Ce site est une archive depuis",
    "nl": "Deze site is een archief sinds",
}
FORM_CLOSED = {
    "en": "This form is closed",
    "fr": "Ce formulaire est fermé",
    "nl": "Dit formulier is gesloten",
}


def register_url(page):
    return page.url + page.reverse_subpage("register")


def request_url(page):
    return page.url + page.reverse_subpage("request")


def a_registration(conference, capture):
    """A registration made while the site was still open."""
    with override_settings(ARCHIVE_MODE=""), capture(execute=True):
        return service.register(
            conference["en"], registration_data(email="grace@example.org"), "en", "http://testserver/"
        )


def cancel_url(conference, registration):
    page = conference["en"]
    return page.url + page.reverse_subpage("cancel", args=[service.cancel_token(registration)])


def post_forms(html):
    return BeautifulSoup(html, "lxml").select("form[method=post]")


def assert_closed_form_page(response, language):
    html = response.content.decode()
    assert response.status_code == 200
    assert FORM_CLOSED[language] in html, "the form page says the form is closed"
    assert f'href="{CONTACT}"' in html, "and where to turn instead"
    assert not post_forms(html), "and offers no form to send"


def test_every_form_page_answers_with_the_notice_in_every_language(
    client, archived, conference, publication, django_capture_on_commit_callbacks
):
    registration = a_registration(conference, django_capture_on_commit_callbacks)
    for language in ("en", "fr", "nl"):
        assert_closed_form_page(client.get(register_url(conference[language])), language)
        assert_closed_form_page(client.get(request_url(publication[language])), language)
    assert_closed_form_page(client.get(cancel_url(conference, registration)), "en")


def test_no_post_is_taken_and_nothing_is_stored(
    archived, conference, publication, django_capture_on_commit_callbacks, mailoutbox
):
    registration = a_registration(conference, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    registrations, requests = Registration.objects.count(), PrintRequest.objects.count()
    # A real browser's post carries a CSRF token; a client that enforces the check
    # shows the archive answers before it (a missing token gets the notice, not 403).
    client = Client(enforce_csrf_checks=True)
    posts = [
        (register_url(conference["fr"]), registration_data()),
        (request_url(publication["nl"]), print_request_data()),
        (cancel_url(conference, registration), {}),
        ("/en/", {"anything": "at all"}),
    ]
    for url, data in posts:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD"
        assert any(text in response.content.decode() for text in FORM_CLOSED.values()), url
    assert Registration.objects.count() == registrations
    assert PrintRequest.objects.count() == requests
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert mailoutbox == []


def test_the_405_page_is_in_the_language_of_the_address(client, archived, conference):
    response = client.post(register_url(conference["fr"]), registration_data())
    html = response.content.decode()
    assert response.status_code == 405
    assert FORM_CLOSED["fr"] in html and NOTICE["fr"] in html


def test_checking_a_badge_and_the_admin_stay_open(client, archived):
    verify = client.post("/badges/verify.json", json.dumps({"credential": "not a credential"}), "application/json")
    assert verify.status_code != 405
    login = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert login.status_code == 200  # the login form again, with its error


def test_every_page_carries_the_dated_notice(client, archived):
    for language in ("en", "fr", "nl"):
        html = client.get(f"/{language}/").content.decode()
        notice = BeautifulSoup(html, "lxml").select_one(".archive-notice")
        assert notice is not None and NOTICE[language] in notice.get_text(" ", strip=True)
        assert notice.select_one("time")["datetime"] == "2027-03-31"
        assert notice.select_one(f'a[href="{CONTACT}"]') is not None
    missing = client.get("/fr/no-such-page/")
    assert missing.status_code == 404 and NOTICE["fr"] in missing.content.decode()


def test_an_open_site_has_no_notice(client, conference):
    html = client.get(conference["en"].url).content.decode()
    assert "archive-notice" not in html
    assert register_url(conference["en"]) in html


def test_events_become_a_record(client, archived, conference):
    page = conference["en"]
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "lxml")
    assert register_url(page) not in html, "no registration button"
    assert "places left" not in html and "place left" not in html
    registration = soup.select_one("#register").get_text(" ", strip=True)
    assert "planned before the site became an archive" in registration or "took place" in registration
    event = next(
        data
        for script in soup.select('script[type="application/ld+json"]')
        for data in [json.loads(script.string)]
        if isinstance(data, dict) and data.get("@type") == "Event"
    )
    assert "remainingAttendeeCapacity" not in event

    index = client.get(page.get_parent().url).content.decode()
    assert "Upcoming events" not in index and "places left" not in index
    assert "The project&#x27;s events" in index or "The project's events" in index
    assert page.title in index, "every event is listed in the record"


def test_downloads_and_films_keep_working(client, archived, publication):
    from films.models import FilmPage

    page = publication["fr"]
    download = client.get(page.url + page.reverse_subpage("download", args=["fr"]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    film = FilmPage.objects.live().filter(locale__language_code="fr").exclude(video=None).first()
    assert client.get(film.url).status_code == 200
    captions = client.get(film.url + film.reverse_subpage("captions"))
    assert captions.status_code == 200 and captions.content.startswith(b"WEBVTT")
    video = client.get(film.url + film.reverse_subpage("video"), HTTP_RANGE="bytes=0-99")
    assert video.status_code == 206


def test_switching_back_reopens_registration(client, settings, conference, django_capture_on_commit_callbacks):
    page = conference["en"]
    settings.ARCHIVE_MODE = "2027-03-31"
    assert client.post(register_url(page), registration_data()).status_code == 405
    settings.ARCHIVE_MODE = ""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(page), registration_data())
    assert response.status_code == 200
    assert Registration.objects.filter(email="ada@example.org", roster__translation_key=page.translation_key).exists()
    assert post_forms(client.get(register_url(page)).content.decode())


def test_the_page_cache_never_serves_the_other_state(client, settings, production_caching, conference):
    page = conference["fr"]
    assert "archive-notice" not in client.get(page.url).content.decode()
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    settings.ARCHIVE_MODE = "2027-03-31"
    archived = client.get(page.url)
    assert archived["X-Page-Cache"] == "miss"
    assert "archive-notice" in archived.content.decode()
    assert register_url(page) not in archived.content.decode()

    settings.ARCHIVE_MODE = ""
    reopened = client.get(page.url)
    assert "archive-notice" not in reopened.content.decode()
    assert register_url(page) in reopened.content.decode()


def test_a_wrong_archive_date_stops_the_site(settings):
    settings.ARCHIVE_MODE = "next spring"
    assert "archive.E001" in [message.id for message in run_checks()]
    settings.ARCHIVE_MODE = "2027-03-31"
    settings.ARCHIVE_CONTACT = ""
    assert "archive.W001" in [message.id for message in run_checks()]


def test_the_alerts_close_but_leaving_them_stays_open(client, archived):
    from alerts.models import Subscription

    page = client.get("/fr/alerts/")
    assert_closed_form_page(page, "fr")
    before = Subscription.objects.count()
    data = {"email": "reader@example.org", "kinds": ["methods"], "consent": "on", "website_url": ""}
    assert client.post("/fr/alerts/", data).status_code == 405
    assert Subscription.objects.count() == before
    # Unsubscribing only removes data: it is never refused (here the token is simply unknown).
    assert client.post("/en/alerts/unsubscribe/not-a-token/").status_code != 405


def test_a_self_assessment_stores_nothing_and_stays_open(client, archived):
    from assessments.models import QuestionnairePage

    questionnaire = QuestionnairePage.objects.live().filter(locale__language_code="fr").first()
    answer = questionnaire.url + questionnaire.reverse_subpage("answer")
    assert client.post(answer, {}).status_code != 405
