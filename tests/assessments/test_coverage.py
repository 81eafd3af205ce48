"""The new page types are covered like every other: sitemap, search (with its type facet) and
the open data downloads (the translation status matrix: test_translation_status.py)."""

import json

import pytest
from bs4 import BeautifulSoup

from assessments.models import QuestionnairePage
from courses.models import CoursePage
from tests.courses.conftest import build_course
from tests.factories import QuestionnairePageFactory, translate
from tests.languages import WRITTEN
from tests.module_data import module_data

pytestmark = pytest.mark.django_db
LANGUAGES = WRITTEN  # the languages the test content is written in


@module_data
def course_pages():
    """The primary keys of the course "Train the trainer", keyed by language code."""
    return {code: page.pk for code, page in build_course(title="Train the trainer").items()}


@pytest.fixture
def course(course_pages, db):
    """The course, keyed by language code, read afresh for each test."""
    return {code: CoursePage.objects.get(pk=pk) for code, pk in course_pages.items()}


def test_the_sitemap_lists_questionnaires_and_courses_in_every_language(client, course):
    questionnaire = QuestionnairePageFactory()
    translate(questionnaire.framework, "fr")
    translate(questionnaire.statements[0].value["competence"], "fr")
    french = translate(questionnaire, "fr")
    xml = client.get("/sitemap.xml").content.decode()
    for page in [questionnaire, french, *course.values()]:
        assert f"http://testserver{page.url}" in xml
    for model in (QuestionnairePage, CoursePage):
        for page in model.objects.live():
            assert f"http://testserver{page.url}" in xml


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_course_and_offers_its_type_as_a_facet(client, lang, course):
    course = course[lang]
    html = client.get(f"/{lang}/search/", {"q": course.title, "type": "courses.coursepage"}).content.decode()
    links = [link["href"] for link in BeautifulSoup(html, "lxml").select("main a[href]")]
    assert course.url in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_courses_are_open_data_with_outcomes_as_codes(client, lang, course):
    response = client.get(f"/{lang}/open-data/courses.json")
    data = json.loads(response.content)
    records = data["items"]
    assert len(records) == CoursePage.objects.live().filter(locale__language_code=lang).count()
    record = next(record for record in records if record["translation_key"] == str(course["en"].translation_key))
    assert [module["outcomes"] for module in record["modules"]] == [["TEST:T1"], ["TEST:T2"]]
    assert client.get(f"/{lang}/open-data/courses.csv").status_code == 200
