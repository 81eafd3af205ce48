"""Open data: the methods and case studies of each language as CSV and JSON, with their licence."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import CaseStudyPage
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
    rows = read_csv(client.get(f"/{language}/open-data/methods.csv"))
    methods = live(ToolPage, language)
    assert sorted(row["title"] for row in rows) == sorted(methods.values_list("title", flat=True))
    assert {row["language"] for row in rows} == {language}
    assert all(row["url"].startswith(f"http://testserver/{language}/") for row in rows)


def test_csv_fields_are_translated_and_join_across_languages(client):
    english = {row["translation_key"]: row for row in read_csv(client.get("/en/open-data/methods.csv"))}
    french = {row["translation_key"]: row for row in read_csv(client.get("/fr/open-data/methods.csv"))}
    assert english.keys() == french.keys()
    key = next(iter(english))
    page = ToolPage.objects.get(translation_key=key, locale__language_code="fr")
    assert french[key]["title"] == page.title != english[key]["title"]
    assert french[key]["summary"] == page.summary
    # Synchronised facts are the same; competence names follow the language.
    assert french[key]["duration_minutes"] == english[key]["duration_minutes"]
    assert french[key]["competences"] == english[key]["competences"]
    assert french[key]["competence_names"] and french[key]["competence_names"] != english[key]["competence_names"]


def test_cases_csv_has_no_personal_data(client):
    rows = read_csv(client.get("/nl/open-data/cases.csv"))
    assert len(rows) == live(CaseStudyPage, "nl").count()
    assert not any(name.startswith("contact") for name in rows[0])
    assert rows[0]["partners"]


@pytest.mark.parametrize("slug", ["methods", "cases"])
def test_json_is_valid_and_carries_its_licence(client, slug):
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
    document = json.loads(client.get("/en/open-data/methods.json").content)
    method = document["items"][0]
    assert method["steps"] and {"title", "text", "minutes"} <= set(method["steps"][0])
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
