"""The toolkit index and the method pages, in every language."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from competences.queries import linked_pages
from tests.factories import ToolPageFactory
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS
from toolkit.models import ToolPage
from toolkit.structured_data import iso_duration

pytestmark = pytest.mark.django_db

INDEX_TITLES = {"en": "Toolkit", "fr": "Boîte à outils", "nl": "Methodenkoffer"}


def json_ld(response):
    html = response.content.decode()
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.mark.parametrize("lang", WRITTEN)
def test_index_lists_the_methods_of_its_language(client, toolkits, lang):
    ToolPageFactory(language=lang)
    response = client.get(toolkits[lang].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{INDEX_TITLES[lang]}</h1>" in html
    methods = response.context["methods"]
    assert methods, "the first page lists methods"
    assert all(item["page"].locale.language_code == lang for item in methods)
    assert response.context["total_count"] == ToolPage.objects.live().filter(locale__language_code=lang).count()
    assert 'name="robots"' not in html, "the unfiltered listing is indexable"


@pytest.mark.parametrize(
    ("lang", "title", "competence", "not_shown"),
    [
        ("en", "The strengths conversation", "Wellbeing", None),
        ("fr", "L'entretien sur les forces", "Bien-être", "Wellbeing"),
        ("nl", "Het krachtengesprek", "Welzijn", "Wellbeing"),
    ],
)
def test_method_page_shows_translated_text_and_competences(client, method, lang, title, competence, not_shown):
    page = method[lang]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert title.replace("'", "&#x27;") in html
    assert competence in html
    if not_shown:
        assert not_shown not in html, "a translated page never shows English competence names"
    # Steps, materials and origin are rendered.
    for block in page.steps:
        assert block.value["title"].replace("'", "&#x27;") in html
    assert page.materials_list[0] in html
    assert "SUCCES" in html


def test_translations_share_the_synchronised_fields(method):
    english = method["en"]
    for lang in WRITTEN_TRANSLATIONS:
        page = method[lang]
        assert set(page.competences.values_list("pk", flat=True)) == set(
            english.competences.values_list("pk", flat=True)
        )
        assert page.duration_minutes == english.duration_minutes
        assert page.target_groups == english.target_groups
        # Snippet foreign keys point at the translation of the project and the partner.
        assert page.source_project.locale_id == page.locale_id
        assert page.source_project.acronym == english.source_project.acronym
        assert page.partner.locale_id == page.locale_id


def test_every_field_is_declared_translated_or_synchronised():
    declared = {field.field_name for field in ToolPage.override_translatable_fields}
    own = {
        field.name
        for field in ToolPage._meta.get_fields()
        if getattr(field, "model", None) is ToolPage and not field.auto_created and field.concrete
    }
    own.discard("page_ptr")
    assert own <= declared, own - declared


@pytest.mark.parametrize("lang", WRITTEN)
def test_json_ld_is_a_learning_resource_aligned_with_competences(client, method, lang):
    page = method[lang]
    data = json_ld(client.get(page.url))
    resource = next(item for item in data if item["@type"] == "LearningResource")
    assert resource["inLanguage"] == lang
    assert resource["timeRequired"] == "PT1H"
    assert resource["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert {"@type": "Audience", "audienceType": str(page.target_group_labels[0])} in resource["audience"]
    alignments = resource["educationalAlignment"]
    assert len(alignments) == 3
    names = {item.name for item in page.localized_competences}
    for alignment in alignments:
        assert alignment["@type"] == "AlignmentObject"
        assert alignment["alignmentType"] == "teaches"
        assert alignment["targetName"] in names
        assert alignment["targetUrl"].startswith(f"http://testserver/{lang}/framework/")
        assert alignment["educationalFramework"]
    urls = {alignment["targetUrl"] for alignment in alignments}
    assert f"http://testserver/{lang}/framework/LIFE/P3/" in urls


def test_iso_durations():
    assert iso_duration(45) == "PT45M"
    assert iso_duration(60) == "PT1H"
    assert iso_duration(90) == "PT1H30M"
    assert iso_duration(360) == "PT6H"


@pytest.mark.parametrize("lang", WRITTEN)
def test_print_view_is_a_clean_card(client, method, lang):
    page = method[lang]
    response = client.get(page.url + "print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert "toolkit/print-card.css" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert "site-header" not in html, "no site navigation on the card"
    assert html.count("<h1>") == 1
    for block in page.steps:
        assert block.value["text"][:30].replace("'", "&#x27;") in html
    assert "<script>" not in html, "no inline script"


def test_method_page_links_to_its_print_view(client, method):
    html = client.get(method["fr"].url).content.decode()
    assert f'href="{method["fr"].url}print/"' in html


@pytest.mark.parametrize("lang", WRITTEN)
def test_related_methods_share_competences_in_the_same_language(method, lang):
    page = method[lang]
    related = page.related_methods()
    assert related
    own = set(page.competences.values_list("pk", flat=True))
    for other in related:
        assert other.locale_id == page.locale_id
        assert other.pk != page.pk
        assert own & set(other.competences.values_list("pk", flat=True))


def test_related_methods_cost_a_fixed_number_of_queries(method, django_assert_max_num_queries):
    # The linked items, the view restrictions (for .public()) and the related methods.
    with django_assert_max_num_queries(3):
        assert len(method["fr"].related_methods()) <= 4


def test_competence_pages_list_the_methods(method):
    from competences.models import FrameworkItem

    item = FrameworkItem.objects.get(locale__language_code="fr", framework__code="LIFE", code="P3")
    pages = linked_pages(item, item.locale)
    assert method["fr"].pk in {page.pk for page in pages}


def test_group_size_must_be_a_range(method):
    page = method["en"]
    page.group_size_min, page.group_size_max = 8, 4
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "group_size_max" in error.value.message_dict


def test_target_groups_only_accept_the_allow_list(method):
    page = method["en"]
    page.target_groups = ["jobseekers", "astronauts"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "target_groups" in error.value.message_dict


def test_worksheets_are_chosen_per_language(client, method):
    documents = set()
    for page in method.values():
        (block,) = page.worksheets
        document = block.value["document"]
        assert document.title.startswith(page.title), "each language offers its own sheet"
        documents.add(document.pk)
        html = client.get(page.url).content.decode()
        assert f'href="{document.url}"' in html
    assert len(documents) == 3
