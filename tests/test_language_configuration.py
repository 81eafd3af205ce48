"""A language is a setting: LANGUAGES names the site's languages, and everything follows.

The tests read the configured languages (tests/languages.py), so they hold for the default
LANGUAGES=en,fr,nl and for CI's run with a fourth language (LANGUAGES=en,fr,nl,de), which the
demo has no text in. The tests of such a language take CI's fourth language where one is
configured, and otherwise add one for the test, as a site owner would (the setting, then
`setup_languages`), so that they run in every configuration.
"""

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission, Locale, Page

from config.settings.languages import language_settings, search_configs
from editorial.languages import missing_languages, section_pages, setup_languages
from editorial.roles import editor_group_name
from editorial.status import DRAFT, status_matrix
from operations.management.commands.translation_coverage import catalogue_path, coverage
from tests.languages import CONFIGURED, OTHERS, SOURCE, UNWRITTEN, WRITTEN, unconfigured_language

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "lxml")


def alternates(html):
    return {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}


# The setting ------------------------------------------------------------------------------


def test_languages_are_named_in_their_own_language_from_djangos_data():
    for code, name in settings.LANGUAGES:
        local = LANG_INFO[code]["name_local"]
        assert name == local[:1].upper() + local[1:]
    assert CONFIGURED[0] == settings.LANGUAGE_CODE


def test_the_setting_refuses_unknown_or_repeated_languages():
    with pytest.raises(ImproperlyConfigured, match="xx"):
        language_settings(["en", "xx"])
    with pytest.raises(ImproperlyConfigured, match="twice"):
        language_settings(["en", "fr", "en"])
    with pytest.raises(ImproperlyConfigured):
        language_settings([])


def test_each_language_is_searched_with_the_postgresql_configuration_named_after_it():
    configs = search_configs(language_settings(["en", "de", "sl"]))
    # PostgreSQL has "german" but no "slovenian": the search backend uses "simple" for that one.
    assert configs == {"en": "english", "de": "german", "sl": "slovenian"}


# Every configured language answers ------------------------------------------------------------


@pytest.mark.parametrize("code", CONFIGURED)
def test_every_configured_language_answers_and_the_switcher_lists_them_all(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == code
    switcher = html.find("nav", class_="language-switcher")
    listed = [element["lang"] for element in switcher.find_all(attrs={"lang": True})]
    assert listed == CONFIGURED
    assert [element.get_text() for element in switcher.find_all(attrs={"lang": True})] == [
        name for _code, name in settings.LANGUAGES
    ]


@pytest.mark.parametrize("code", CONFIGURED)
def test_search_answers_in_every_configured_language(client, code):
    response = client.get(f"/{code}/search/", {"q": "skills"})
    assert response.status_code == 200
    html = soup(response)
    assert html.find("link", rel="canonical")["href"] == f"http://testserver/{code}/search/"
    assert set(alternates(html)) == {*CONFIGURED, "x-default"}


def test_search_finds_pages_in_the_languages_the_demo_is_written_in(client):
    for code in WRITTEN:
        html = soup(client.get(f"/{code}/search/", {"q": "STEPS"}))
        assert html.select("main a[href^='/" + code + "/']"), code


# A language the demo has no text in (CI's fourth language) ------------------------------------


def add_language(settings):
    """The settings with one more language, as after adding its code to LANGUAGES."""
    code = unconfigured_language()
    settings.LANGUAGES = [*settings.LANGUAGES, *language_settings([code])]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.WAGTAILADMIN_PERMITTED_LANGUAGES = settings.LANGUAGES
    return code


@pytest.fixture
def added_language(settings):
    return add_language(settings)


@pytest.fixture(params=UNWRITTEN or ["added for the test"])
def unwritten(request, settings):
    """A configured language with no text: CI's fourth language, or one added and set up here."""
    if request.param in UNWRITTEN:
        return request.param
    code = add_language(settings)
    call_command("setup_languages", verbosity=0)
    return code


def test_an_unwritten_language_has_drafts_of_the_home_and_section_pages_for_translators(unwritten):
    code = unwritten
    locale = Locale.objects.get(language_code=code)
    drafts = Page.objects.filter(locale=locale)
    sources = section_pages()
    assert set(drafts.values_list("translation_key", flat=True)) >= {page.translation_key for page in sources}
    assert not drafts.filter(live=True).exists()
    assert Group.objects.filter(name=editor_group_name(code)).exists()
    assert Collection.objects.filter(name=locale.get_display_name()).exists()
    assert missing_languages() == []


def test_an_unwritten_language_says_its_pages_are_not_yet_available(client, unwritten, homes):
    code = unwritten
    name = dict(settings.LANGUAGES)[code]
    for url in (f"/{code}/", homes[SOURCE].get_children().live().first().url.replace(f"/{SOURCE}/", f"/{code}/", 1)):
        response = client.get(url)
        assert response.status_code == 200, url
        html = soup(response)
        assert html.html["lang"] == code
        notice = html.find("main").find(class_="notice")
        assert name in notice.get_text(), url
        # The page shown is the source language's: its canonical address and alternates are its own.
        canonical = html.find("link", rel="canonical")["href"]
        assert canonical.startswith(f"http://testserver/{SOURCE}/")
        assert code not in alternates(html)
        assert html.find("main")["lang"] == SOURCE


def test_the_framework_in_an_unwritten_language_shows_the_source_text_and_says_so(client, unwritten):
    code = unwritten
    response = client.get(f"/{code}/framework/LifeComp/")
    assert response.status_code == 200
    html = soup(response)
    assert dict(settings.LANGUAGES)[code] in html.find("main").find(class_="notice").get_text()
    assert html.find("link", rel="canonical")["href"] == f"http://testserver/{SOURCE}/framework/LifeComp/"
    assert set(alternates(html)) == {*WRITTEN, "x-default"}


def test_the_status_matrix_has_a_column_for_an_unwritten_language(admin_client, unwritten):
    code = unwritten
    languages, rows = status_matrix()
    assert code in languages
    about = next(row for row in rows if row.title == "About the cluster")
    assert about.statuses[code] == DRAFT
    response = admin_client.get(reverse("translation_status"))
    assert response.status_code == 200
    assert f'data-language="{code}"' in response.content.decode()


# Adding a language --------------------------------------------------------------------------


def test_adding_a_language_and_running_setup_languages_gives_it_everything(added_language, client):
    code = added_language
    assert missing_languages() == [code]
    call_command("setup_languages", verbosity=0)

    locale = Locale.objects.get(language_code=code)
    sources = section_pages()
    drafts = {page.translation_key: page for page in Page.objects.filter(locale=locale)}
    assert set(drafts) == {page.translation_key for page in sources}
    assert not any(page.live for page in drafts.values())
    # Translators find them in wagtail-localize's translation editor.
    from wagtail_localize.models import Translation

    assert Translation.objects.filter(target_locale=locale, enabled=True).count() == len(sources)
    editors = Group.objects.get(name=editor_group_name(code))
    home = next(page for page in drafts.values() if page.depth == 2)
    assert GroupPagePermission.objects.filter(group=editors, page=home).exists()
    assert Collection.objects.filter(name=locale.get_display_name()).exists()
    languages, _rows = status_matrix()
    assert code in languages
    assert client.get(f"/{code}/").status_code == 200
    # Idempotent: nothing more to do.
    assert setup_languages() == {}
    assert missing_languages() == []


# Interface text ---------------------------------------------------------------------------------


def test_the_coverage_report_counts_each_catalogue_against_every_interface_string(capsys):
    rows = {code: (translated, total, missing) for code, _name, translated, total, missing in coverage()}
    assert set(rows) == set(OTHERS)
    for code, (translated, total, missing) in rows.items():
        assert translated + len(missing) == total
        path = catalogue_path(code)
        if path is not None:
            done = {entry.msgid for entry in polib.pofile(str(path)).translated_entries()}
            assert not done & set(missing)
    call_command("translation_coverage", "--missing")
    output = capsys.readouterr().out
    for code in OTHERS:
        assert f"{code} (" in output


@pytest.mark.parametrize("code", OTHERS)
def test_interface_text_missing_from_a_catalogue_is_shown_in_english(client, code, homes):
    """gettext's fallback, string by string: a partial catalogue never breaks a page."""
    (_name, translated, _total, missing) = next(row[1:] for row in coverage() if row[0] == code)
    english = client.get(f"/{SOURCE}/").content.decode()
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    shown = response.content.decode()
    visible = [msgid for msgid in missing if len(msgid) > 12 and "%" not in msgid and f">{msgid}<" in english]
    assert all(f">{msgid}<" in shown for msgid in visible)
    assert translated > 0
