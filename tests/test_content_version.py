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


def counted_facts():
    """A per-version fact that returns how many times it was worked out."""
    calls = []

    @page_cache.per_version
    def facts():
        calls.append(1)
        return len(calls)

    return facts


@pytest.mark.parametrize(
    ("content_memos", "outcomes"),
    [
        (False, (1, 2, 3)),  # development: worked out every time
        (True, (1, 1, 2)),  # the tests: kept until the version moves on, as in production
    ],
)
def test_without_the_page_cache_facts_are_kept_only_where_content_memos_are_on(settings, content_memos, outcomes):
    settings.PAGE_CACHE_ENABLED = False
    settings.CONTENT_MEMOS_ENABLED = content_memos
    facts = counted_facts()
    first, second = facts(), facts()
    page_cache.bump_version()
    assert (first, second, facts()) == outcomes


def test_a_cache_that_fails_outright_leaves_the_version_unknown_and_keeps_the_bump_for_later(monkeypatch):
    """A cache that raises instead of answering (not wrapped by ResilientCache) is treated as
    away: nothing is served from memory, no error reaches the visitor, and the change is
    recorded once the cache answers again."""
    page_cache.forget_known()
    before = page_cache.current_version()

    def fails(*args, **kwargs):
        raise ConnectionError("the cache is down")

    with monkeypatch.context() as broken:
        for method in ("get_many", "get", "add", "incr"):
            broken.setattr(cache, method, fails)
        page_cache.forget_known()
        assert page_cache.current_version() is None
        page_cache.bump_version()
    assert page_cache.current_version() > before
