"""The number of queries does not grow with the number of cases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def query_count(client, url):
    client.get(url)  # warm caches (site root, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_cases(copies):
    from demo.context import DemoContext
    from practices.demo import _Lookups, add_variants, load_cases
    from practices.models import CaseStudyIndexPage

    ctx = DemoContext()
    index = CaseStudyIndexPage.objects.get(locale=ctx.default_locale)
    entries = load_cases()["cases"]
    return add_variants(ctx, index, entries, range(2, 2 + copies), _Lookups(ctx))


@pytest.mark.parametrize("query", ["", "?country=BE&outcome=employment&sort=title", "?sort=country&page=2"])
def test_listing_queries_flat(client, indexes, query):
    url = f"{indexes['fr'].url}{query}"
    small = query_count(client, url)
    assert add_cases(3) == 27
    large = query_count(client, url)
    assert large == small


def test_project_and_partner_pages_queries_flat(client, indexes):
    urls = [
        f"{indexes['nl'].url}projects/SUCCES/",
        f"{indexes['nl'].url}partners/",
        f"{indexes['nl'].url}partners/syntra-west/",
    ]
    small = [query_count(client, url) for url in urls]
    add_cases(2)
    large = [query_count(client, url) for url in urls]
    assert large == small
