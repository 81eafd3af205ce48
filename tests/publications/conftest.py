"""Fixtures for the publication tests: the demo publication in each language."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    # The limit is counted per client address in the cache, which outlives each
    # test's transaction: tests switch it on explicitly when they test it.
    settings.RATELIMIT_ENABLE = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publications(db):
    """The demo publication page in en, fr and nl, keyed by language code."""
    from publications.models import PublicationPage

    return {
        page.locale.language_code: page
        for page in PublicationPage.objects.live()
        .filter(slug__in=["final-publication", "publication-finale", "eindpublicatie"])
        .select_related("locale")
    }


@pytest.fixture
def stock(publications):
    return publications["en"].stock


def set_left(stock, left):
    """Make exactly `left` copies available (keeping the demo's allocation)."""
    from publications.models import PrintStock

    PrintStock.objects.filter(pk=stock.pk).update(total=stock.allocated + left)
    stock.refresh_from_db()
    return stock


VALID_REQUEST = {
    "name": "Robin Example",
    "email": "Robin@Example.org",
    "organisation": "Example Training",
    "sector": "training",
    "address": "1 Example Road\n1000 Brussels",
    "country": "BE",
    "copies": "2",
    "consent": "on",
}
