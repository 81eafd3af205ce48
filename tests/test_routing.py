"""Routing finds a page in two queries and leads every address where Wagtail would.

The site of a host and the place of each language's home page are remembered
per process for one content version (core/routing.py); the pages along the
address, their ancestors and their view restrictions come in one query.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction, Site

from core import page_cache, routing
from films.models import FilmPage
from home.models import HomePage, StandardPage
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


def live_page(model, language):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def queries_of(client, url):
    """The queries of a render of `url` that the page cache does not serve."""
    page_cache.forget(RequestFactory().get(url))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.usefixtures("production_caching")
def test_the_site_and_the_home_page_are_not_looked_up_again_in_the_same_content_version(client):
    film = live_page(FilmPage, "fr")
    client.get(film.url)
    sql = queries_of(client, film.url)
    assert not any('FROM "wagtailcore_site"' in query for query in sql)
    # The first query already reads the pages along the address, below the French home page.
    assert '"url_path" IN' in sql[0]


@pytest.mark.usefixtures("production_caching")
def test_a_saved_site_is_read_afresh(client):
    site = Site.objects.get(is_default_site=True)
    film = live_page(FilmPage, "en")
    assert client.get(film.url).status_code == 200
    site.root_page = Page.objects.get(depth=1)  # the tree's root: no page below it has this address
    site.save()
    assert client.get(film.url).status_code == 404


@pytest.mark.usefixtures("production_caching")
def test_a_home_page_remembered_in_another_place_leaves_routing_to_wagtail(client, monkeypatch):
    tool = live_page(ToolPage, "nl")
    home = HomePage.objects.get(locale__language_code="nl")
    stale = (home.pk, home.path, "/an-old-slug/")
    monkeypatch.setattr(routing, "_translated_home_place", lambda *args: stale)
    response = client.get(tool.url)
    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == tool.title


def test_breadcrumbs_list_the_ancestors_routing_found(client):
    film = live_page(FilmPage, "nl")
    links = [a["href"] for a in soup(client.get(film.url)).select("nav.breadcrumbs a")]
    assert links == [ancestor.url for ancestor in film.get_ancestors()[1:]]


def test_a_page_under_a_private_section_is_private_however_deep(client):
    film = live_page(FilmPage, "fr")
    index = film.get_parent()
    PageViewRestriction.objects.create(page=index.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get(film.url).status_code == 302
    assert client.get(index.url).status_code == 302


def test_a_page_reads_its_locale_without_a_query(django_assert_num_queries):
    page = StandardPage.objects.live().filter(locale__language_code="nl").first()
    with django_assert_num_queries(0):
        assert page.locale.language_code == "nl"
    assert page.locale == Locale.objects.get(language_code="nl")
