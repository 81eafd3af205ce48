"""A French visitor finds the site turned into an archive: a dated notice on every page,
the registration form replaced by where to turn instead, and no accessibility violation."""

import pytest
from playwright.sync_api import sync_playwright

from tests import servers
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_accessibility import axe_violations

CONTACT = "https://programme.example.org/results"


@pytest.fixture(scope="module")
def archived_site(tmp_path_factory):
    """The demo site served as an archive since 31 March 2027."""
    env = servers.demo_site_env(
        tmp_path_factory.mktemp("archived-site"),
        "archived",
        ARCHIVE_MODE="2027-03-31",
        ARCHIVE_CONTACT=CONTACT,
        ARCHIVE_CONTACT_NAME="la plateforme des résultats du programme",
    )
    try:
        with servers.gunicorn(env, workers=1, app="tests.media_wsgi") as base_url:
            yield base_url
    finally:
        servers.drop_database(env["DATABASE_URL"])


@pytest.fixture
def french_conference(db):
    """The demo's example event open for registration, in French: its page and its form page."""
    from events.models import EventPage

    english = EventPage.objects.live().get(slug="registration-example", locale__language_code="en")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))
    return french.url, french.url + french.reverse_subpage("register")


def test_the_archive_notice_in_french(archived_site, french_conference):
    event_url, register_url = french_conference
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_context(bypass_csp=True).new_page()
        found = {}
        for url in ("/fr/", event_url, register_url):
            response = tab.goto(archived_site + url)
            assert response.status == 200, url
            assert tab.locator("html").get_attribute("lang") == "fr"
            notice = tab.locator(".archive-notice")
            assert notice.is_visible()
            assert "Ce site est une archive depuis le 31 mars 2027" in notice.inner_text()
            assert (
                notice.get_by_role("link", name="la plateforme des résultats du programme").get_attribute("href")
                == CONTACT
            )
            found[url] = axe_violations(tab)
        # The registration page offers no form: it says the form is closed and where to turn.
        assert tab.locator("form[method=post]").count() == 0
        assert "Ce formulaire est fermé" in tab.locator("main").inner_text()
        browser.close()
    assert not any(found.values()), found
