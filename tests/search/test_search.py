"""Search finds the visitor's language only and copes with any input."""

import pytest

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [page.title for page in response.context["results"]] if response.context["results"] else []


def test_search_returns_only_pages_in_the_current_language(client):
    english = result_titles(client.get("/en/search/", {"q": "accessibility"}))
    french = result_titles(client.get("/fr/search/", {"q": "accessibilité"}))
    assert "Accessibility statement" in english
    assert "Déclaration d'accessibilité" in french
    assert "Accessibility statement" not in french


@pytest.mark.parametrize(
    "query",
    ["", " ", "x" * 5000, '"unbalanced', "'; DROP TABLE wagtailcore_page; --", "\x00\x1b[31m", "🎓🤝", "a AND OR NOT"],
)
def test_any_query_gets_a_page_not_an_error(client, query):
    response = client.get("/nl/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["abc", "-1", "99999", "1.5"])
def test_malformed_page_numbers_are_tolerated(client, page):
    assert client.get("/en/search/", {"q": "cluster", "page": page}).status_code == 200


def test_header_search_form_is_a_search_landmark(client, homes):
    assert b'role="search"' in client.get(homes["en"].url).content
