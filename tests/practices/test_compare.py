"""Comparing two to four cases side by side, by a shareable URL."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CaseStudyPageFactory, translate
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS

pytestmark = pytest.mark.django_db


def figure(value, measure="Company visits"):
    return {"type": "figure", "value": {"measure": measure, "value": value, "unit": "visits", "source": "Records"}}


@pytest.fixture
def cases(db):
    """Three cases, each with one key figure, in every written language: [{language: page}]."""
    built = []
    for number, value in enumerate(["120", "90", "45"]):
        english = CaseStudyPageFactory(title=f"Case {number}", key_figures=[figure(value)])
        translations = {
            code: translate(english, code, title=f"Case {number} ({code})") for code in WRITTEN_TRANSLATIONS
        }
        built.append({"en": english} | translations)
    return built


def compare_url(index, keys):
    return f"{index.url}compare/?" + "&".join(f"case={key}" for key in keys)


def test_three_cases_side_by_side(client, indexes, cases):
    keys = [case["en"].translation_key for case in cases]
    response = client.get(compare_url(indexes["fr"], keys))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "lxml")
    table = html.select_one("table.compare-table")
    headers = [th.a.get_text(strip=True) for th in table.select('thead th[scope="col"]') if th.a]
    assert headers == ["Case 0 (fr)", "Case 1 (fr)", "Case 2 (fr)"]
    rows = {th.get_text(strip=True): th.find_parent("tr") for th in table.select('tbody th[scope="row"]')}
    assert len(rows) >= 12
    figures = [td.get_text(" ", strip=True) for td in table.select("tbody tr")[7].select("td")]
    assert "120" in figures[0] and "90" in figures[1] and "45" in figures[2]
    assert table.caption
    assert html.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_the_same_link_works_in_every_language(client, indexes, cases):
    keys = [case["en"].translation_key for case in cases[:2]]
    for language in WRITTEN:
        response = client.get(compare_url(indexes[language], keys))
        html = BeautifulSoup(response.content, "lxml")
        headers = [th.a.get_text(strip=True) for th in html.select('thead th[scope="col"]') if th.a]
        assert headers == [case[language].title for case in cases[:2]]


@pytest.mark.parametrize(
    "count, fragment",
    [(0, "at least two"), (1, "at least two"), (5, "at most four")],
)
def test_wrong_number_of_cases(client, indexes, count, fragment):
    keys = [CaseStudyPageFactory().translation_key for _ in range(count)]
    response = client.get(compare_url(indexes["en"], keys))
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "lxml")
    assert fragment in html.select_one('[role="alert"]').get_text()
    assert not html.select("table.compare-table")


def test_unknown_or_malformed_cases(client, indexes):
    known = CaseStudyPageFactory().translation_key
    for other in ("not-a-case", "00000000-0000-0000-0000-000000000000", "1"):
        response = client.get(compare_url(indexes["en"], [known, other]))
        assert response.status_code == 400
        html = BeautifulSoup(response.content, "lxml")
        assert html.select_one('[role="alert"]')


def test_index_offers_compare_checkboxes(client, indexes, cases):
    html = BeautifulSoup(client.get(indexes["nl"].url).content, "lxml")
    form = html.select_one("form.case-compare")
    assert form["method"] == "get" and form["action"].endswith("/compare/")
    boxes = {box["value"] for box in form.select('input[type="checkbox"][name="case"]')}
    assert {str(case["nl"].translation_key) for case in cases} <= boxes
    assert len(boxes) == len(html.select(".case-card"))  # one for each case listed
