"""Comparing two to four cases side by side, by a shareable URL."""

import pytest
from bs4 import BeautifulSoup

from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db

SLUGS = ["company-visits", "work-preparation-programme", "training-with-local-employers"]


def compare_url(index, keys):
    return f"{index.url}compare/?" + "&".join(f"case={key}" for key in keys)


def test_three_cases_side_by_side(client, indexes, case_by_slug):
    keys = [case_by_slug(slug).translation_key for slug in SLUGS]
    response = client.get(compare_url(indexes["fr"], keys))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    table = html.select_one("table.compare-table")
    headers = [th.get_text(strip=True) for th in table.select('thead th[scope="col"]')]
    assert headers == [case_by_slug(slug, "fr").title for slug in SLUGS]
    rows = {th.get_text(strip=True): th.find_parent("tr") for th in table.select('tbody th[scope="row"]')}
    assert len(rows) >= 12
    figures = [td.get_text(" ", strip=True) for td in table.select("tbody tr")[7].select("td")]
    assert "120" in figures[0] and "90" in figures[1]
    assert table.caption
    assert html.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_the_same_link_works_in_every_language(client, indexes, case_by_slug):
    keys = [case_by_slug(slug).translation_key for slug in SLUGS[:2]]
    for language in WRITTEN:
        response = client.get(compare_url(indexes[language], keys))
        html = BeautifulSoup(response.content, "html.parser")
        headers = [th.get_text(strip=True) for th in html.select('thead th[scope="col"]')]
        assert headers == [case_by_slug(slug, language).title for slug in SLUGS[:2]]


@pytest.mark.parametrize(
    "count, fragment",
    [(0, "at least two"), (1, "at least two"), (5, "at most four")],
)
def test_wrong_number_of_cases(client, indexes, count, fragment):
    from practices.models import CaseStudyPage

    keys = list(CaseStudyPage.objects.filter(locale__language_code="en").values_list("translation_key", flat=True))[
        :count
    ]
    response = client.get(compare_url(indexes["en"], keys))
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert fragment in html.select_one('[role="alert"]').get_text()
    assert not html.select("table.compare-table")


def test_unknown_or_malformed_cases(client, indexes, case_by_slug):
    known = case_by_slug("company-visits").translation_key
    for other in ("not-a-case", "00000000-0000-0000-0000-000000000000", "1"):
        response = client.get(compare_url(indexes["en"], [known, other]))
        assert response.status_code == 400
        html = BeautifulSoup(response.content, "html.parser")
        assert html.select_one('[role="alert"]')


def test_index_offers_compare_checkboxes(client, indexes):
    html = BeautifulSoup(client.get(indexes["nl"].url).content, "html.parser")
    form = html.select_one("form.case-compare")
    assert form["method"] == "get" and form["action"].endswith("/compare/")
    assert len(form.select('input[type="checkbox"][name="case"]')) == 9
