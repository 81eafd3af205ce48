"""On PostgreSQL each language is searched with its own stemmer (search/backend.py)."""

import pytest
from wagtail.models import Locale

from home.models import HomePage, StandardPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres("stemming needs PostgreSQL's text search configurations; SQLite's does not stem"),
]


def publish_page(language, title, slug, intro):
    home = HomePage.objects.get(locale=Locale.objects.get(language_code=language))
    page = StandardPage(title=title, slug=slug, intro=intro, locale=home.locale)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [item["page"].title for item in response.context.get("items") or []]


def test_a_french_plural_finds_the_french_singular(client):
    publish_page("fr", "Zorglub pour tous", "zorglub", "Une formation pour les animatrices professionnelles.")
    assert "Zorglub pour tous" in titles(client, "fr", "zorglub formations")
    # The French stemmer, not the English one: both reduce "animatrices" and "animateur" to "anim".
    assert "Zorglub pour tous" in titles(client, "fr", "zorglub animateur professionnel")


def test_a_dutch_inflection_finds_the_dutch_stem(client):
    publish_page("nl", "Zorglub voor iedereen", "zorglub", "Zorglub geeft trainingen aan werkzoekenden.")
    # The English stemmer keeps "werkzoekenden" whole; the Dutch one reduces both forms to "werkzoek".
    assert "Zorglub voor iedereen" in titles(client, "nl", "zorglub werkzoekende training")


def test_english_search_does_not_return_french_pages(client):
    publish_page("fr", "Zorglub pour tous", "zorglub", "Une formation pour les animatrices professionnelles.")
    assert titles(client, "en", "zorglub") == []
    assert titles(client, "en", "animatrices") == []


def test_each_language_is_indexed_with_its_own_configuration():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert backend.config_for_language("fr") == "french"
    assert backend.config_for_language("nl") == "dutch"
    assert backend.config_for_language("en") == "english"
    assert backend.config_for_language(None) == "simple"
