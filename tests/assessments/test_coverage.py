"""The new page types are covered like every other: sitemap, search (with its type facet),
the translation status matrix and the open data downloads."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from assessments.models import QuestionnairePage
from courses.models import CoursePage
from editorial.status import page_rows

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "nl"]


def test_the_sitemap_lists_questionnaires_and_courses_in_every_language(client):
    xml = client.get("/sitemap.xml").content.decode()
    for model in (QuestionnairePage, CoursePage):
        for page in model.objects.live():
            assert f"http://testserver{page.url}" in xml


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_course_and_offers_its_type_as_a_facet(client, lang):
    key = CoursePage.objects.get(locale__language_code="en", slug="train-the-trainer").translation_key
    course = CoursePage.objects.live().get(locale__language_code=lang, translation_key=key)
    html = client.get(f"/{lang}/search/", {"q": course.title, "type": "courses.coursepage"}).content.decode()
    links = [link["href"] for link in BeautifulSoup(html, "html.parser").select("main a[href]")]
    assert course.url in links


def test_the_translation_status_matrix_has_a_row_per_questionnaire_and_course():
    kinds = {}
    for row in page_rows(list(Locale.objects.all())):
        kinds.setdefault(row.kind, 0)
        kinds[row.kind] += 1
    assert kinds["questionnaire"] == 2 and kinds["course"] == 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_courses_are_open_data_with_outcomes_as_codes(client, lang):
    response = client.get(f"/{lang}/open-data/courses.json")
    data = json.loads(response.content)
    records = data["items"]
    assert len(records) == 3
    first = next(record for record in records if record["modules"][0]["outcomes"])
    assert all(":" in code for module in first["modules"] for code in module["outcomes"])
    assert client.get(f"/{lang}/open-data/courses.csv").status_code == 200
