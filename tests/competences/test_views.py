"""The public framework browser: languages, alignments, 404s, JSON-LD and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from competences.models import Framework, FrameworkItem
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS

from .conftest import structured_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "present", "absent"),
    [
        ("en", ["Co-operative skills", "SoftSkills4EU soft skills framework"], ["Compétences coopératives"]),
        (
            "fr",
            ["Compétences coopératives", "Compétences de pensée créative"],
            ["Co-operative skills", "Social skills"],
        ),
        ("nl", ["Coöperatieve vaardigheden", "Creatieve denkvaardigheden"], ["Co-operative skills", "Social skills"]),
    ],
)
def test_framework_page_in_each_language(get, lang, present, absent):
    response, html = get(f"/{lang}/framework/SPOCC/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html
    assert html.count("<h1") == 1
    # Items link to their pages in the same language.
    assert f'href="/{lang}/framework/SPOCC/C/"' in html


@pytest.mark.parametrize("lang", WRITTEN)
def test_index_lists_every_framework_in_a_captioned_table(get, lang):
    response, html = get(f"/{lang}/framework/")
    assert response.status_code == 200
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html
    for code in ("SPOCC", "LifeComp", "EntreComp", "ESCO-T"):
        assert f'href="/{lang}/framework/{code}/"' in html
        assert f"/{lang}/framework/{code}.csv" in html


def test_french_item_page_shows_french_names_and_alignments(get):
    response, html = get("/fr/framework/LifeComp/S3/")
    assert response.status_code == 200
    assert "Collaboration" in html
    # Both sides of the crosswalk, in French.
    assert "Compétences coopératives" in html  # SPOCC C, aligned as source → S3
    assert "Travailler avec les autres" in html  # EntreComp 3.4, aligned as S3 → target
    assert "Working with others" not in html and "Co-operative skills" not in html
    assert 'href="/fr/framework/EntreComp/3.4/"' in html


def test_alignment_shows_on_the_target_side_too(get):
    _response, html = get("/nl/framework/EntreComp/3.4/")
    assert "Samenwerken met anderen" in html
    assert "Samenwerking" in html  # LifeComp S3
    assert "Coöperatieve vaardigheden" in html  # SPOCC C
    assert "Collaboration" not in html


def test_item_page_lists_children(get):
    _response, html = get("/en/framework/SPOCC/C/")
    assert "Sharing tasks in a team" in html
    assert 'href="/en/framework/SPOCC/EX-C1/"' in html


def test_item_page_says_when_nothing_links_to_it(get):
    parent = FrameworkItem.objects.get(locale__language_code="en", framework__code="SPOCC", code="C")
    FrameworkItem.objects.create(
        locale=parent.locale, framework=parent.framework, parent=parent, level="outcome", code="EX-NEW", name="New"
    )
    _response, html = get("/en/framework/SPOCC/EX-NEW/")
    assert "No content is linked to this competence yet." in html


@pytest.mark.parametrize(
    "path",
    [
        "/en/framework/NOPE/",
        "/fr/framework/SPOCC/ZZZ/",
        "/nl/framework/NOPE/S/",
        "/en/framework/LifeComp/3.4/",  # an EntreComp code under another framework
        "/en/framework/NOPE.csv",
        "/en/framework/NOPE.jsonld",
        "/en/framework/SPOCC/C/extra/",
    ],
)
def test_unknown_codes_are_404(get, path):
    response, _html = get(path)
    assert response.status_code == 404


def test_framework_json_ld_is_a_defined_term_set(get):
    _response, html = get("/fr/framework/LifeComp/")
    (data,) = structured_data(html)
    assert data["@type"] == "DefinedTermSet"
    assert data["inLanguage"] == "fr"
    assert data["license"] == "CC BY 4.0"
    terms = {term["termCode"]: term for term in data["hasDefinedTerm"]}
    assert terms["S3"]["name"] == "Collaboration"
    assert terms["S3"]["url"].endswith("/fr/framework/LifeComp/S3/")


def test_item_json_ld_is_a_defined_term(get):
    _response, html = get("/nl/framework/EntreComp/1.2/")
    (data,) = structured_data(html)
    assert data["@type"] == "DefinedTerm"
    assert data["termCode"] == "1.2"
    assert data["name"] == "Creativiteit"
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert data["url"].endswith("/nl/framework/EntreComp/1.2/")


def test_json_ld_cannot_close_its_script_element(get):
    item = FrameworkItem.objects.get(locale__language_code="en", framework__code="SPOCC", code="EX-S1")
    item.description = "</script><script>alert(1)</script> & more"
    item.save()
    _response, html = get("/en/framework/SPOCC/EX-S1/")
    assert "</script><script>alert(1)" not in html
    (data,) = structured_data(html)
    assert data["description"] == item.description


def add_items(framework_code, parent_code, count):
    framework = Framework.objects.get(locale__language_code="en", code=framework_code)
    parent = FrameworkItem.objects.get(framework=framework, code=parent_code)
    FrameworkItem.objects.bulk_create(
        FrameworkItem(
            locale=framework.locale,
            framework=framework,
            parent=parent,
            level="outcome",
            code=f"{parent_code}.{n}",
            name=f"Outcome {n}",
            sort_order=100 + n,
        )
        for n in range(count)
    )


def query_count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("path", "shows"),
    [
        ("/en/framework/", "<td>31</td>"),  # SPOCC's outcomes: 6 examples + 25 added
        ("/en/framework/SPOCC/", "Outcome 24"),
        ("/en/framework/SPOCC/C/", "Outcome 24"),
        ("/en/framework/SPOCC.csv", "Outcome 24"),
        ("/en/framework/SPOCC.jsonld", "C.24"),
    ],
)
def test_query_count_does_not_grow_with_the_number_of_items(client, path, shows):
    client.get(path)  # warm per-process caches (site, locales)
    before = query_count(client, path)
    add_items("SPOCC", "C", 25)
    after = query_count(client, path)
    assert after == before
    assert shows in client.get(path).content.decode()


def test_language_switcher_leads_to_the_same_item(get):
    _response, html = get("/fr/framework/LifeComp/S3/")
    assert 'href="/nl/framework/LifeComp/S3/"' in html
    assert 'href="/en/framework/LifeComp/S3/"' in html


@pytest.mark.parametrize("lang", WRITTEN_TRANSLATIONS)
def test_item_page_lists_the_pages_that_link_to_it_in_the_same_language(get, lang):
    """Any content type with a `competences` field is found; translated pages hold
    default-language items, so the match is by translation key."""
    from competences.queries import competence_page_models

    page = item = None
    for model in competence_page_models():
        for candidate in model.objects.live().public().filter(locale__language_code=lang):
            linked = list(candidate.competences.select_related("framework"))
            if linked:
                page, item = candidate, linked[0]
                break
        if page:
            break
    assert page is not None, "no demo page in this language links a competence"
    _response, html = get(f"/{lang}/framework/{item.framework.code}/{item.code}/")
    assert escape(page.title) in html
    assert f'href="{page.get_url()}"' in html
    assert "No content is linked to this competence yet." not in html
