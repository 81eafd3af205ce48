"""Rendering any public page costs a small, fixed number of SQL queries.

Every kind of page (discovered from the database, so new page types are
covered too) is rendered for an anonymous visitor, as in production, but
without the page itself in the page cache, and may run at most MAX_QUERIES
queries. Each kind is measured in one language, the languages taking turns
(tests/page_types.share_of): a page runs the same queries in every language.
That listings do not grow with their items is shown per app
(tests/practices/test_queries.py) and for the other listings below.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from caching import page_cache
from tests.page_types import LANGUAGES, share_of

pytestmark = pytest.mark.django_db

# Wagtail finds the site of each request itself (one query), and the pages along
# the address come in one more (core/routing.py); the rest is the page's own.
MAX_QUERIES = 16

# Page types above the budget, with the most queries they may run until they are
# brought down (then they leave this list): a page that gets dearer fails at once.
# Measured on the demo. None today: the dearest
# pages, the home page and the event listing, run 16.
OVER_BUDGET = {}


def uncached_render(client, url):
    """The response and queries of a render of `url` that the page cache does not serve."""
    client.get(url)  # warm the per-process caches and the site frame (menu, footer)
    page_cache.forget(RequestFactory().get(url))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.get("X-Page-Cache") != "hit"
    return response, queries


@pytest.mark.usefixtures("production_caching")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_within_its_query_budget(client, subtests, language):
    urls = share_of(language)
    assert len(urls) > 20 / len(LANGUAGES), "the demo offers every kind of page"
    for label, url in urls:
        with subtests.test(msg=label, url=url):
            response, queries = uncached_render(client, url)
            assert response.status_code == (404 if label == "404 page" else 200)
            assert "text/html" in response["Content-Type"]
            detail = "\n".join(query["sql"][:160] for query in queries.captured_queries)
            limit = OVER_BUDGET.get(label, MAX_QUERIES)
            assert len(queries) <= limit, f"{url}: {len(queries)} queries\n{detail}"


def test_routing_finds_deep_pages_and_sub_routes_in_a_few_queries(client, django_assert_max_num_queries):
    from films.models import FilmPage
    from home.models import HomePage
    from toolkit.models import ToolPage

    film = FilmPage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    tool = ToolPage.objects.live().filter(locale__language_code="nl").order_by("path").first()
    home = HomePage.objects.get(locale__language_code="fr")
    components = film.url.strip("/").split("/")[1:]  # after the language prefix
    with django_assert_max_num_queries(2):
        found = home.route(RequestFactory().get(film.url), components)
    assert found.page.pk == film.pk
    assert client.get(tool.url + "print/").status_code == 200
    assert client.get(film.url + "no-such-child/").status_code == 404
    film.unpublish()
    assert client.get(film.url).status_code == 404


def test_the_cheaper_restriction_check_still_keeps_private_pages_private(client):
    from wagtail.models import PageViewRestriction

    from toolkit.models import ToolPage

    tool = ToolPage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    assert client.get(tool.url).status_code == 200
    section = PageViewRestriction.objects.create(page=tool.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get(tool.url).status_code == 302  # to the login form
    section.delete()
    own = PageViewRestriction.objects.create(page=tool, restriction_type=PageViewRestriction.LOGIN)
    alias = tool.create_alias(parent=tool.get_parent(), update_slug=f"{tool.slug}-alias")
    alias_of_alias = alias.create_alias(parent=tool.get_parent(), update_slug=f"{tool.slug}-alias-2")
    # An alias is as private as the page it shows, however it was made.
    assert client.get(alias.url).status_code == 302
    assert client.get(alias_of_alias.url).status_code == 302
    own.delete()
    assert client.get(alias_of_alias.url).status_code == 200
