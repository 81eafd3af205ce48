"""The content version: one number that any visible change moves on, so that
what is cached or remembered for an older version is never served again."""

import pytest
from django.core.cache import cache

from caching import content_version as page_cache


def test_a_flushed_cache_never_starts_again_at_an_older_version():
    cache.clear()
    first = page_cache.current_version()
    page_cache.bump_version()
    cache.clear()
    assert page_cache.current_version() not in (first, first + 1)


@pytest.mark.usefixtures("production_caching")
def test_facts_are_remembered_until_the_version_moves_on():
    calls = []

    @page_cache.per_version
    def facts(language):
        calls.append(language)
        return len(calls)

    assert facts("en") == facts("en") == 1
    assert facts("fr") == 2
    page_cache.bump_version()
    assert facts("en") == 3
    cache.clear()
    assert facts("en") == 4


def test_without_the_page_cache_facts_are_worked_out_every_time(settings):
    settings.PAGE_CACHE_ENABLED = False
    calls = []

    @page_cache.per_version
    def facts():
        calls.append(1)
        return len(calls)

    assert (facts(), facts()) == (1, 2)
