"""The static copy of the demo: served by a plain static server, every link of every language works,
canonical and hreflang links stay inside the copy, and the in-browser search finds a method in French."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_accessibility import axe_violations
from tests.languages import WRITTEN as LANGUAGES  # the languages with live pages to copy

from .crawl import crawl, static_server

# One worker builds the copy for every test of this module (their xdist group).
pytestmark = [pytest.mark.demo, pytest.mark.xdist_group("static-copy")]


# Session-scoped, not module-scoped: pytest sets a module's fixtures up again whenever a test of
# another module runs between two of its own, and the build and the crawl take most of a minute.
@pytest.fixture(scope="session")
def copy(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo built into a folder (once per test process: the build only reads the database)."""
    folder = tmp_path_factory.mktemp("static-copy") / "site"
    with django_db_blocker.unblock():
        call_command(
            "build_static_copy", str(folder), "--date", "2027-03-31", "--base-url", "https://archive.example.org"
        )
    return folder


@pytest.fixture(scope="session")
def served(copy):
    with static_server(copy) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def crawled(served):
    return crawl(served, ["/"] + [f"/{code}/" for code in LANGUAGES])


def test_the_crawl_finds_no_broken_link_in_any_language(crawled):
    statuses, pages = crawled
    broken = sorted(f"{status} {path}" for path, status in statuses.items() if status != 200)
    assert broken == []
    for code in LANGUAGES:
        in_language = [path for path in pages if path.startswith(f"/{code}/")]
        assert len(in_language) > 50, f"the {code} pages are all reached"


def test_canonical_and_hreflang_links_point_inside_the_copy(crawled):
    statuses, pages = crawled
    checked = 0
    for path, links in pages.items():
        for href in links.canonical + links.alternates:
            assert href.startswith("/"), f"{path}: {href} leads out of the copy"
            assert statuses.get(href.split("#")[0]) == 200, f"{path}: {href} is not in the copy"
            checked += 1
        if path.startswith(("/en/", "/fr/", "/nl/")) and "/page-" not in path:
            assert links.canonical, f"{path} has a canonical link"
    assert checked > 500


def test_files_films_captions_feeds_and_open_data_are_in_the_copy(copy, crawled):
    statuses, _pages = crawled
    written = {"/" + str(path.relative_to(copy)) for path in copy.rglob("*") if path.is_file()}
    assert "/sitemap.xml" in written and "/robots.txt" in written
    for code in LANGUAGES:
        assert any(path.startswith(f"/{code}/feeds/") and path.endswith("/rss.xml") for path in written)
        assert any(path.endswith(".csv") and f"/{code}/" in path for path in written), "open data"
        assert f"/{code}/search/index.json" in written
    assert any(path.startswith("/documents/") for path in written), "documents"
    assert any(path.endswith("/captions.vtt") for path in written), "captions"
    assert any(path.endswith(("/video.mp4", "/video.webm")) for path in written), "films"
    assert any(path.endswith(".pdf") and "/download/" in path for path in written), "the publication's editions"
    sitemap = (copy / "sitemap.xml").read_text()
    assert "https://archive.example.org/fr/" in sitemap and "testserver" not in sitemap and "localhost" not in sitemap
    captions = next(path for path in written if path.endswith("/captions.vtt"))
    assert statuses.get(captions) == 200, "the film pages link their captions"


def test_forms_are_left_out_with_an_explanation(copy, crawled):
    statuses, pages = crawled
    for path, links in pages.items():
        assert not any("/register/" in link or "/request/" in link for link in links.links), path
    about = (copy / "fr" / "about-this-copy" / "index.html").read_text()
    assert "Ce que la copie ne peut pas faire" in about
    badges_verify = [path for path in statuses if path.endswith("/verify/")]
    assert badges_verify == [], "the badge checker (a form) is not in the copy"


def test_each_language_has_a_small_search_index(copy):
    for code in LANGUAGES:
        index = json.loads((copy / code / "search" / "index.json").read_text())
        assert len(index) > 50
        assert all(entry["u"].startswith(f"/{code}/") for entry in index)
        assert Path(copy / code / "search" / "index.json").stat().st_size < 1_000_000


@pytest.mark.browser
def test_the_search_in_the_copy_finds_a_method_by_a_french_word(served):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_context(bypass_csp=True).new_page()
        tab.goto(f"{served}/fr/")
        # The header's search box leads to the copy's own search page.
        tab.locator("form.site-search input[name=q]").fill("répétition embauche")
        tab.locator("form.site-search input[name=q]").press("Enter")
        tab.wait_for_url("**/fr/search/?q=*")
        results = tab.locator("#static-search-results li a")
        results.first.wait_for()
        titles = results.all_inner_texts()
        assert "Répétition d'entretien d'embauche à trois" in titles
        assert "Pages trouvées" in tab.locator("#static-search-status").inner_text()
        assert axe_violations(tab) == []
        # Without the accents, the same method.
        tab.goto(f"{served}/fr/search/?q=repetition")
        tab.locator("#static-search-results li a").first.wait_for()
        assert "Répétition d'entretien d'embauche à trois" in tab.locator("#static-search-results").inner_text()
        results = tab.locator("#static-search-results li a")
        results.filter(has_text="Répétition d'entretien").first.click()
        tab.wait_for_url("**/fr/boite-a-outils/repetition-entretien-embauche/")
        assert tab.locator("h1").inner_text().startswith("Répétition")
        browser.close()


@pytest.mark.django_db
def test_a_folder_holding_other_files_is_refused(tmp_path):
    from django.core.management.base import CommandError

    (tmp_path / "thesis.odt").write_text("not a copy")
    with pytest.raises(CommandError, match="not a static copy"):
        call_command("build_static_copy", str(tmp_path))
    assert (tmp_path / "thesis.odt").exists()


def test_an_earlier_copy_is_replaced(copy):
    assert (copy / ".steps-static-copy").exists(), "the copy is marked, so the next build may replace it"
