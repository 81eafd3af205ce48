"""Shared fixtures: the demo site is built once per test session.

Tests that use the database run inside a transaction that is rolled back, so
each one starts from the same demo site in English, French and Dutch.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    # Building the demo works in each language in turn: the tests start in the default one.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def keep_the_active_language():
    """Requests activate their page's language in this thread: each test leaves it as it found it."""
    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.fixture
def production_caching(settings):
    """The page cache on, as in production, starting (and leaving) empty."""
    from django.core.cache import cache

    from caching import content_version, page_cache

    def empty():
        cache.clear()
        content_version.forget_known()
        page_cache.recent_pages.clear()

    empty()
    settings.PAGE_CACHE_ENABLED = True
    yield
    empty()


@pytest.fixture
def site(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def homes(db):
    """The live home page of each language, keyed by language code."""
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.live().select_related("locale")}


def pytest_collection_modifyitems(config, items):
    # Browser tests run last: Playwright's event loop must not share the main
    # thread with the ORM-based tests that come before.
    items.sort(key=lambda item: "browser" in item.keywords)
