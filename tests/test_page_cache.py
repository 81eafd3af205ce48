"""Anonymous visitors get whole pages from the cache; nobody ever gets a stale one."""

import pytest

from home.models import StandardPage
from partners.models import Partner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_caching")]


def about(lang="en"):
    return StandardPage.objects.get(slug={"en": "about", "fr": "a-propos"}[lang], locale__language_code=lang)


def test_the_second_visit_is_served_from_the_cache(client):
    first = client.get("/en/about/")
    second = client.get("/en/about/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "s-maxage=60" in second["Cache-Control"] and "public" in second["Cache-Control"]


def test_languages_and_queries_are_cached_apart(client):
    client.get("/en/about/")
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "miss"
    assert client.get("/en/about/?x=1")["X-Page-Cache"] == "miss"


def test_publishing_a_page_refreshes_the_cache(client):
    client.get("/en/about/")  # now in the shared cache and in this process's memory
    page = about()
    page.title = "About the STEPS cluster"
    page.save_revision().publish()
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert b"About the STEPS cluster" in response.content


def test_saving_a_snippet_that_pages_show_refreshes_the_cache(client):
    client.get("/fr/a-propos/")
    partner = Partner.objects.get(name="Scalda", locale__language_code="fr")
    partner.description = "Une nouvelle description."
    partner.save()
    response = client.get("/fr/a-propos/")
    assert response["X-Page-Cache"] == "miss"
    assert "Une nouvelle description." in response.content.decode()


def test_logged_in_editors_always_get_fresh_pages(client, admin_user):
    client.get("/en/about/")
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/en/about/")


def test_error_pages_and_the_admin_are_not_cached(client):
    client.get("/en/no-such-page/")
    assert "X-Page-Cache" not in client.get("/en/no-such-page/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_cached_pages_keep_the_security_headers(client):
    client.get("/en/about/")
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page_with_a_csrf_token_is_never_cached(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from core.page_cache import cacheable_response

    request = rf.get("/en/events/")
    get_token(request)
    assert not cacheable_response(request, HttpResponse("<form>…</form>"))
    assert cacheable_response(rf.get("/en/about/"), HttpResponse("<p>…</p>"))


# Each process's own memory of recent pages ------------------------------------------


def test_a_page_served_again_comes_from_the_process_memory(client):
    from django.core.cache import cache
    from django.test import RequestFactory

    from core import page_cache

    first = client.get("/en/about/")
    # Only this process still has the page: the shared cache is asked for the version alone.
    cache.delete(page_cache.cache_key(RequestFactory().get("/en/about/"), page_cache.current_version()))
    again = client.get("/en/about/")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content


def stored(size, expires_in=60):
    import time

    return {"content": b"x" * size, "headers": {}, "cdn_seconds": 60, "expires": time.time() + expires_in}


def test_the_process_memory_keeps_within_its_budget_dropping_the_least_recent():
    from core.page_cache import RecentPages

    recent = RecentPages(budget_bytes=100)
    recent.put("a", stored(40))
    recent.put("b", stored(40))
    recent.get("a")  # "a" is now the most recent
    recent.put("c", stored(40))
    assert recent.get("b") is None
    assert recent.get("a") is not None and recent.get("c") is not None
    assert recent.used == 80
    recent.put("huge", stored(101))
    assert recent.get("huge") is None


def test_the_process_memory_ends_with_the_page_lifetime():
    from core.page_cache import RecentPages

    recent = RecentPages(budget_bytes=100)
    recent.put("gone", stored(10, expires_in=-1))
    assert recent.get("gone") is None
    assert recent.used == 0
