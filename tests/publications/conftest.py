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


# Identifiers as a registered publication would have them: a DOI under the Publications
# Office's prefix and ISBNs with valid check digits in an assigned range. The demo's
# publication is an example and has none (tests/examples/test_identifiers.py).
REGISTERED_DOI = "10.2760/302967"
REGISTERED_ISBNS = {"en": "978-92-76-00001-3", "fr": "978-92-76-00002-0", "nl": "978-92-76-00003-7"}
REGISTERED_PRINT_ISBN = "978-92-76-00004-4"


@pytest.fixture
def registered(publications):
    """The demo publication taken as a registered one: not an example, with its DOI and ISBNs."""
    from publications.models import Edition, PublicationPage

    key = publications["en"].translation_key
    PublicationPage.objects.filter(translation_key=key).update(
        is_example=False, doi=REGISTERED_DOI, print_isbn=REGISTERED_PRINT_ISBN
    )
    for language, number in REGISTERED_ISBNS.items():
        Edition.objects.filter(page__translation_key=key, language=language).update(isbn=number)
    return {code: PublicationPage.objects.get(pk=page.pk) for code, page in publications.items()}
