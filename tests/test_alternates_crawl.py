"""A crawl of the demo site: every HTML page carries a self-referencing canonical link and
reciprocal hreflang alternates for every language it is in, and every page open to search
engines is in the sitemap with the same alternates. Pages that are not Wagtail pages (the
competence framework, search…) are held to the same rule as pages.

The crawl (tests/demo_crawl.py) starts at each home page the demo is written in and follows
the links of every page it reaches.
"""

import pytest
from defusedxml import ElementTree

from tests.demo_crawl import GROUP
from tests.languages import CONFIGURED, SOURCE, WRITTEN

pytestmark = [pytest.mark.django_db, pytest.mark.demo, GROUP]

ORIGIN = "http://testserver"
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    """{location: {hreflang: href}} of the sitemap."""
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for url in tree.findall("sm:url", SITEMAP):
        location = url.find("sm:loc", SITEMAP).text
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", SITEMAP)
            if link.get("hreflang")
        }
    return entries


@pytest.fixture(scope="session")
def crawled(demo_crawl, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return demo_crawl, sitemap(Client())


def test_the_crawl_reaches_pages_and_framework_pages_in_every_language(crawled):
    pages, _sitemap = crawled
    for code in WRITTEN:
        in_language = [path for path in pages if path.startswith(f"/{code}/")]
        assert len(in_language) > 50, code
        assert any(path.startswith(f"/{code}/framework/") and path.count("/") == 5 for path in in_language), code


def test_every_page_is_its_own_canonical_with_reciprocal_alternates_for_every_language(crawled):
    pages, _sitemap = crawled
    by_url = {ORIGIN + path: facts for path, facts in pages.items()}
    problems = []
    for path, facts in pages.items():
        own = ORIGIN + path
        alternates = facts.alternates
        if facts.canonical != own:
            problems.append(f"{path}: canonical {facts['canonical']}")
            continue
        # Every language the demo is written in; a view that is in every language (search) also
        # lists the configured languages the demo has no text in.
        if not {*WRITTEN, "x-default"} <= set(alternates) <= {*CONFIGURED, "x-default"}:
            problems.append(f"{path}: alternates for {sorted(alternates)}")
            continue
        language = path.split("/")[1]
        if alternates[language] != own or alternates["x-default"] != alternates[SOURCE]:
            problems.append(f"{path}: not its own alternate, or x-default is not {SOURCE}")
        for code in set(alternates) - {"x-default"}:
            other = by_url.get(alternates[code])
            if other is not None and other.alternates != alternates:
                problems.append(f"{path}: {alternates[code]} lists other alternates")
    assert not problems, f"{len(problems)} pages:\n" + "\n".join(problems[:40])


def test_every_indexed_page_is_in_the_sitemap_with_the_same_alternates(crawled):
    pages, entries = crawled
    problems = []
    for path, facts in pages.items():
        if not facts.indexed or facts.canonical != ORIGIN + path:
            continue
        if ORIGIN + path not in entries:
            problems.append(f"{path}: not in the sitemap")
        elif entries[ORIGIN + path] != facts.alternates:
            problems.append(f"{path}: the sitemap lists {entries[ORIGIN + path]}")
    assert not problems, f"{len(problems)} pages:\n" + "\n".join(problems[:40])
