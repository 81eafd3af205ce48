"""Open data: the methods and case studies of each language as CSV and JSON, with their licence."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import CaseStudyPage
from tests.factories import (
    CaseStudyPageFactory,
    FrameworkFactory,
    FrameworkItemFactory,
    PartnerFactory,
    ToolPageFactory,
    translate,
)
from tests.factories.pages import steps
from tests.languages import WRITTEN
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def live(model, language):
    return model.objects.live().filter(locale__language_code=language, alias_of__isnull=True)


@pytest.mark.parametrize("language", WRITTEN)
def test_methods_csv_has_one_row_per_live_method_in_that_language(client, language):
    ToolPageFactory(language=language, title="Published method")
    ToolPageFactory(language=language, title="Draft method", live=False)
    rows = read_csv(client.get(f"/{language}/open-data/methods.csv"))
    methods = live(ToolPage, language)
    assert sorted(row["title"] for row in rows) == sorted(methods.values_list("title", flat=True))
    assert "Published method" in {row["title"] for row in rows}
    assert "Draft method" not in {row["title"] for row in rows}
    assert {row["language"] for row in rows} == {language}
    assert all(row["url"].startswith(f"http://testserver/{language}/") for row in rows)


def test_csv_fields_are_translated_and_join_across_languages(client):
    framework = FrameworkFactory()
    translate(framework, "fr", name="Compétences de test")
    item = FrameworkItemFactory(framework=framework, name="Working in a team")
    translate(item, "fr", name="Travailler en équipe")
    method = ToolPageFactory(title="Tower challenge", summary="Build a tower.", competences=[item])
    translate(method, "fr", title="Le défi de la tour", summary="Construire une tour.")
    english = {row["translation_key"]: row for row in read_csv(client.get("/en/open-data/methods.csv"))}
    french = {row["translation_key"]: row for row in read_csv(client.get("/fr/open-data/methods.csv"))}
    key = str(method.translation_key)
    assert (english[key]["title"], french[key]["title"]) == ("Tower challenge", "Le défi de la tour")
    assert french[key]["summary"] == "Construire une tour."
    # Synchronised facts are the same; competence names follow the language.
    assert french[key]["duration_minutes"] == english[key]["duration_minutes"]
    assert french[key]["competences"] == english[key]["competences"]
    assert french[key]["competences"] == f"{framework.code}:{item.code}"
    assert (english[key]["competence_names"], french[key]["competence_names"]) == (
        "Working in a team",
        "Travailler en équipe",
    )


def test_cases_csv_has_no_personal_data(client):
    # Cases link the default language's partners; the download names them in its own language.
    partner = PartnerFactory(name="Job centre")
    translate(partner, "nl", name="Werkwinkel")
    case = CaseStudyPageFactory(partners=[partner])
    translate(case, "nl")
    rows = read_csv(client.get("/nl/open-data/cases.csv"))
    assert len(rows) == live(CaseStudyPage, "nl").count()
    assert not any(name.startswith("contact") for name in rows[0])
    row = next(row for row in rows if row["translation_key"] == str(case.translation_key))
    assert row["partners"] == "Werkwinkel"


@pytest.mark.parametrize("slug", ["methods", "cases"])
def test_json_is_valid_and_carries_its_licence(client, slug):
    translate((ToolPageFactory if slug == "methods" else CaseStudyPageFactory)(), "fr")
    response = client.get(f"/fr/open-data/{slug}.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["licence"]["url"] == LICENCE
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["language"] == "fr"
    model = ToolPage if slug == "methods" else CaseStudyPage
    assert document["count"] == len(document["items"]) == live(model, "fr").count()
    assert set(document["columns"]) == set(document["items"][0])


@pytest.mark.parametrize("address", ["/en/open-data/methods.csv", "/en/open-data/cases.json"])
def test_every_download_links_its_licence(client, address):
    assert client.get(address)["Link"] == f'<{LICENCE}>; rel="license"'


def test_a_method_in_json_has_its_steps_and_its_own_licence(client):
    page = ToolPageFactory(steps=steps("Warm up", "Build the tower"))
    document = json.loads(client.get("/en/open-data/methods.json").content)
    method = next(item for item in document["items"] if item["translation_key"] == str(page.translation_key))
    assert [step["title"] for step in method["steps"]] == ["Warm up", "Build the tower"]
    assert {"title", "text", "minutes"} <= set(method["steps"][0])
    assert method["licence_url"].startswith("https://creativecommons.org/")


def test_downloads_cost_a_fixed_number_of_queries(client):
    with CaptureQueriesContext(connection) as queries:
        read_csv(client.get("/en/open-data/cases.csv"))
    assert len(queries) <= 8
    with CaptureQueriesContext(connection) as queries:
        read_csv(client.get("/en/open-data/methods.csv"))
    assert len(queries) <= 8


def test_unknown_datasets_are_not_found(client):
    assert client.get("/en/open-data/passwords.csv").status_code == 404
    assert client.get("/en/open-data/methods.xml").status_code == 404


@pytest.mark.demo  # the demo's Open data page (syndication/demo/opendata.yaml) links the fixed addresses
@pytest.mark.parametrize(("language", "slug"), [("en", "open-data"), ("fr", "donnees-ouvertes"), ("nl", "open-data")])
def test_the_open_data_page_links_every_dataset_with_its_licence(client, language, slug):
    response = client.get(f"/{language}/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    for address in (
        f"/{language}/open-data/methods.csv",
        f"/{language}/open-data/methods.json",
        f"/{language}/open-data/cases.csv",
        f"/{language}/open-data/cases.json",
        f"/{language}/framework/SPOCC.csv",
        f"/{language}/framework/SPOCC.jsonld",
        "/api/v2/pages/",
        "/sitemap.xml",
        f"/{language}/feeds/methods/rss.xml",
    ):
        assert f'href="{address}' in html, address
    assert "creativecommons.org/licenses/by/4.0/" in html
    for address in ("methods.csv", "cases.json"):
        assert client.get(f"/{language}/open-data/{address}").status_code == 200
