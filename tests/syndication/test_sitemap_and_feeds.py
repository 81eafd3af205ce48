"""Search engines and feed readers find every page in every language."""

import json

import pytest
from defusedxml import ElementTree as ET
from django.utils import translation
from wagtail.models import Page

from competences.models import FrameworkItem
from tests.languages import SOURCE, WRITTEN

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[url.find("sm:loc", NS).text] = alternates
    return entries


def test_sitemap_lists_every_live_page_of_every_language():
    from django.test import Client

    entries = sitemap_entries(Client())
    live = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)
    urls = {f"http://testserver{page.url}" for page in live}
    assert urls <= set(entries)
    assert {f"http://testserver/{code}/" for code in WRITTEN} <= set(entries)
    # Besides the pages: the framework's pages, and pages' sub-routes open to search engines.
    for location in set(entries) - urls:
        assert "/framework/" in location or any(location.startswith(url) for url in urls), location


def test_sitemap_lists_the_sub_routes_pages_open_to_search_engines():
    from django.test import Client

    from practices.models import CaseStudyIndexPage

    entries = sitemap_entries(Client())
    index = CaseStudyIndexPage.objects.live().get(locale__language_code=SOURCE)
    for route in index.sitemap_routes():
        location = f"http://testserver{index.url}{route}"
        assert location in entries
        assert entries[location][SOURCE] == location
        assert set(entries[location]) == {*WRITTEN, "x-default"}


def test_sitemap_lists_the_framework_pages_in_every_language_they_exist_in():
    from django.test import Client

    entries = sitemap_entries(Client())
    for item in FrameworkItem.objects.select_related("framework", "locale"):
        with translation.override(item.locale.language_code):
            location = f"http://testserver{item.get_absolute_url()}"
        assert location in entries
        translated = FrameworkItem.objects.filter(translation_key=item.translation_key)
        assert set(entries[location]) == {*translated.values_list("locale__language_code", flat=True), "x-default"}
    for code in WRITTEN:
        assert entries[f"http://testserver/{code}/framework/"]["x-default"] == f"http://testserver/{SOURCE}/framework/"


def test_sitemap_alternates_are_reciprocal(client):
    from tests.factories import StandardPageFactory, translate

    english = StandardPageFactory()
    french = translate(english, "fr")
    entries = sitemap_entries(client)
    about = entries[f"http://testserver{english.url}"]
    assert about["fr"] == f"http://testserver{french.url}"
    assert about["x-default"] == f"http://testserver{english.url}"
    for location, alternates in entries.items():
        for code, href in alternates.items():
            if code == "x-default":
                continue
            assert entries[href].get(code) == href
            assert location in entries[href].values()


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_feed_kinds_are_not_found(client):
    assert client.get("/en/feeds/nothing/rss.xml").status_code == 404


def test_the_api_lists_pages_of_one_language(client):
    response = client.get("/api/v2/pages/", {"locale": "fr", "fields": "title"})
    assert response.status_code == 200
    titles = [item["title"] for item in json.loads(response.content)["items"]]
    assert "Le cluster" in titles
    assert "About the cluster" not in titles


def test_the_api_rejects_unknown_filters_clearly(client):
    response = client.get("/api/v2/pages/", {"nonsense": "1"})
    assert response.status_code == 400
    assert "nonsense" in json.loads(response.content)["message"]


@pytest.mark.parametrize("kind", ["methods", "cases", "films", "events"])
def test_feeds_list_new_content_in_the_feeds_language(client, kind):
    from syndication.feeds import feed_model

    model = feed_model(kind)
    french = set(model.objects.live().filter(locale__language_code="fr").values_list("title", flat=True))
    english = set(model.objects.live().filter(locale__language_code="en").values_list("title", flat=True))
    for suffix in ("rss.xml", "atom.xml"):
        response = client.get(f"/fr/feeds/{kind}/{suffix}")
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        titles = {element.text for element in root.iter() if element.tag.endswith("title")}
        assert titles & french
        assert not (titles & (english - french))
