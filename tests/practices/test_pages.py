"""Case pages and the library render in every language, with localized links and JSON-LD."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from practices.models import CaseStudyIndexPage, CaseStudyPage
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS

pytestmark = pytest.mark.django_db

TITLES = {
    "en": "Company visits that show what work looks like",
    "fr": "Des visites d'entreprises pour voir à quoi ressemble le travail",
    "nl": "Bedrijfsbezoeken die tonen hoe werk eruitziet",
}


def soup(response):
    return BeautifulSoup(response.content, "lxml")


def json_ld(page_soup, schema_type):
    for script in page_soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == schema_type:
            return data
    return None


@pytest.mark.parametrize("language", WRITTEN)
def test_case_page_renders_in_its_language(client, case_by_slug, language):
    page = case_by_slug("company-visits", language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.find("html")["lang"] == language
    assert [h1.get_text(strip=True) for h1 in html.find_all("h1")] == [TITLES[language]]
    # Numbers are synchronised: the same figures in every language, the text translated.
    values = [cell.get_text(strip=True) for cell in html.select(".figures-table__value")]
    assert values[0].startswith("120") and values[1].startswith("6")
    measures = [cell.get_text(strip=True) for cell in html.select(".figures-table tbody th")]
    assert ("bedrijfsbezoeken" in measures[0]) == (language == "nl")
    assert ("Visites d'entreprises" in measures[0]) == (language == "fr")


def test_french_case_shows_french_competences_and_partners(client, case_by_slug):
    page = case_by_slug("strengths-based-coaching", "fr")
    # The translation links the default-language items and partners (synchronised)…
    assert {item.locale.language_code for item in page.competences.all()} == {"en"}
    html = soup(client.get(page.url))
    competences = [link.get_text(" ", strip=True) for link in html.select(".case-competences a")]
    # …but shows them in French.
    assert any("Flexibilité" in name for name in competences)
    assert not any("Flexibility" in name or "Growth mindset" in name for name in competences)
    facts = html.select_one(".case-facts").get_text(" ", strip=True)
    assert "Courtrai" in facts  # the partner's French town
    assert "Belgique" in facts
    # The project link goes to the French library.
    assert html.select_one(".case-kicker a")["href"].startswith("/fr/etudes-de-cas/projects/")


def test_translations_keep_synchronised_facts(case_by_slug):
    english = case_by_slug("strengths-based-coaching")
    for language in WRITTEN_TRANSLATIONS:
        translated = case_by_slug("strengths-based-coaching", language)
        assert translated.country == english.country
        assert translated.target_groups == english.target_groups
        assert translated.outcome_types == english.outcome_types
        assert translated.contact_email == english.contact_email
        assert set(translated.partners.values_list("pk", flat=True)) == set(
            english.partners.values_list("pk", flat=True)
        )
        assert translated.project.locale.language_code == language
        assert translated.project.translation_key == english.project.translation_key
        assert [b.value["value"] for b in translated.key_figures] == [b.value["value"] for b in english.key_figures]
        assert [b.value["measure"] for b in translated.key_figures] != [b.value["measure"] for b in english.key_figures]


def test_article_structured_data(client, case_by_slug):
    page = case_by_slug("company-visits", "fr")
    data = json_ld(soup(client.get(page.url)), "Article")
    assert data["headline"] == TITLES["fr"]
    assert data["inLanguage"] == "fr"
    assert data["author"] == [{"@type": "Organization", "name": "Syntra West", "address": data["author"][0]["address"]}]
    assert data["author"][0]["address"]["addressCountry"] == "BE"
    assert data["datePublished"]
    assert any(item["name"] == "Repérer les opportunités" for item in data["about"])


@pytest.mark.parametrize("language", WRITTEN)
def test_index_renders_current_language_only(client, indexes, language):
    index = indexes[language]
    response = client.get(index.url)
    assert response.status_code == 200
    html = soup(response)
    assert json_ld(html, "CollectionPage") is not None
    links = [a["href"] for a in html.select(".case-card .card__title a")]
    assert len(links) == 9
    assert all(href.startswith(f"/{language}/") for href in links)
    # No noindex on the plain library.
    assert not html.find("meta", attrs={"name": "robots"})


def test_example_case_is_marked(client, case_by_slug):
    page = case_by_slug("example-creative-workshops", "nl")
    assert page.is_example
    html = soup(client.get(page.url))
    assert html.select_one(".case-badge--example")
    assert "Crysalis" in html.select_one(".case-kicker").get_text()


def test_related_methods_are_localized(client, case_by_slug):
    page = case_by_slug("neighbourhood-delivery-centres", "fr")
    methods = page.methods
    assert methods
    assert all(method.locale.language_code == "fr" for method in methods)
    html = client.get(page.url).content.decode()
    assert methods[0].url in html


def test_page_type_rules():
    assert CaseStudyIndexPage.parent_page_types == ["home.HomePage"]
    assert CaseStudyIndexPage.max_count_per_parent == 1
    assert CaseStudyPage.parent_page_types == ["practices.CaseStudyIndexPage"]
    assert CaseStudyPage.subpage_types == []


def test_cases_appear_on_competence_pages(indexes, case_by_slug):
    from competences.queries import linked_pages

    page = case_by_slug("company-visits")
    item = page.competences.first()
    french = [p.title for p in linked_pages(item, indexes["fr"].locale)]
    assert TITLES["fr"] in french


def test_every_field_is_declared_for_translation():
    declared = {field.field_name for field in CaseStudyPage.override_translatable_fields}
    own = {
        field.name
        for field in CaseStudyPage._meta.get_fields()
        if field.concrete and field.model is CaseStudyPage and not field.name.endswith("_ptr")
    }
    assert own <= declared, own - declared


def test_figure_values_use_the_language_number_format(client, case_by_slug):
    page = case_by_slug("neighbourhood-delivery-centres", "fr")
    text = soup(client.get(page.url)).select_one(".figures-table").get_text(" ", strip=True)
    # 2 699 182 with the French group separator, no useless decimals.
    assert re.search(r"2\D699\D182", text)
    assert ".00" not in text and ",00" not in text
