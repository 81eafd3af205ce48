"""Suggestions while typing: titles in the address's language, cached, rate limited."""

import json

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def suggestions(client, address, query):
    response = client.get(address, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)["suggestions"]


def test_suggestions_are_titles_starting_with_what_was_typed_in_that_language(client):
    english = suggestions(client, "/en/search/suggest/", "accessib")
    french = suggestions(client, "/fr/search/suggest/", "déclar")
    assert "Accessibility statement" in [s["title"] for s in english]
    assert "Déclaration d'accessibilité" in [s["title"] for s in french]
    assert all(s["url"].startswith("/en/") for s in english)
    assert all(s["url"].startswith("/fr/") for s in french)
    assert all(s["type"] for s in english)


def test_one_letter_gets_no_suggestions_but_a_hint(client):
    response = client.get("/en/search/suggest/", {"q": "a"})
    body = json.loads(response.content)
    assert body["suggestions"] == []
    assert body["message"]


def test_suggestions_are_cached_until_something_is_published(client, django_assert_num_queries):
    first = suggestions(client, "/en/search/suggest/", "strength")
    assert first
    with django_assert_num_queries(0):
        assert suggestions(client, "/en/search/suggest/", "strength") == first


def test_suggestions_are_rate_limited_per_client(client, settings):
    settings.RATELIMIT_ENABLE = True
    settings.PROTECTION_RATES = {"search.suggest": "3/m"}
    for _ in range(3):
        assert client.get("/en/search/suggest/", {"q": "team"}).status_code == 200
    response = client.get("/en/search/suggest/", {"q": "team"})
    assert response.status_code == 429
    assert json.loads(response.content)["error"]
    assert response["Retry-After"]
