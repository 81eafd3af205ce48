"""A person answers a questionnaire without an account: one statement per screen, then a
profile, a goal, a plan and its PDF. Nothing of it is stored on the server."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils.html import escape

from assessments.models import AssessmentIndexPage, QuestionnairePage
from tests.languages import WRITTEN
from toolkit.models import ToolPage

from .flow import answer_all, lowest_for

pytestmark = pytest.mark.django_db
LANGUAGES = WRITTEN  # the languages the test content is written in


def spocc(lang):
    return QuestionnairePage.objects.live().get(locale__language_code=lang, framework__code="SPOCC")


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_the_section_and_the_two_example_questionnaires(client, lang):
    index = AssessmentIndexPage.objects.live().get(locale__language_code=lang)
    html = client.get(index.url).content.decode()
    questionnaires = QuestionnairePage.objects.live().filter(locale__language_code=lang)
    assert {page.framework.code for page in questionnaires} == {"SPOCC", "ENTR21"}
    for page in questionnaires:
        assert page.is_example and escape(page.title) in html
        assert page.framework.locale.language_code == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_questionnaire_page_is_a_quiz_in_json_ld(client, lang):
    page = spocc(lang)
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    data = [json.loads(script.string) for script in html.select('script[type="application/ld+json"]')]
    quiz = next(item for item in data if item.get("@type") == "Quiz")
    assert quiz["inLanguage"] == lang
    assert {term["termCode"] for term in quiz["about"]} == {"S", "P", "O", "C", "CT"}


def test_one_statement_per_screen_with_progress_and_labelled_answers(client):
    page = spocc("fr")
    html = BeautifulSoup(client.get(page.url + "answer/").content, "lxml")
    assert html.select_one("progress")["max"] == "10"
    assert (
        "1" in html.select_one("#progress-label").get_text() and "10" in html.select_one("#progress-label").get_text()
    )
    radios = html.select('input[type="radio"][name="r"]')
    assert [radio.parent.get_text(strip=True) for radio in radios] == page.scale
    assert (
        html.select_one("legend h1").get_text(strip=True)
        == "Je parle facilement avec des personnes que je ne connais pas."
    )
    assert html.select_one('label[for="example"]') is not None


def test_next_without_an_answer_asks_again_and_skip_moves_on(client):
    page = spocc("en")
    url = page.url + "answer/"
    response = client.post(url, {"a": "0" * 10, "n": 1, "go": "next"})
    assert "Choose one answer" in response.content.decode()
    response = client.post(url, {"a": "0" * 10, "n": 1, "go": "skip"})
    assert 'name="n" value="2"' in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_completing_a_questionnaire_anonymously_stores_nothing(client, lang, production_caching):
    page = spocc(lang)
    client.get(page.url)
    before = row_counts()
    response, code = answer_all(client, page, lowest_for(page, "CT"))
    assert response["Cache-Control"].count("no-store") == 1
    result = client.get(page.url + "result/", {"a": code})
    plan = client.get(page.url + "plan/", {"a": code, "step1": "Call the job centre", "date1": "2027-01-15"})
    pdf = client.get(page.url + "plan/pdf/", {"a": code})
    for each in (result, plan, pdf):
        assert each.status_code == 200 and "no-store" in each["Cache-Control"] and "private" in each["Cache-Control"]
    assert row_counts() == before
    assert not client.cookies.get("sessionid")


def test_the_result_shows_a_profile_as_a_chart_and_a_table_and_the_strengths(client):
    page = spocc("nl")
    response, code = answer_all(client, page, lowest_for(page, "CT"))
    html = BeautifulSoup(response.content, "lxml")
    assert html.select_one('svg[role="img"] title') is not None
    rows = html.select("table.assessment-table tbody tr")
    assert len(rows) == 5
    creative = next(row for row in rows if "Creatieve denkvaardigheden" in row.th.get_text())
    assert "Nog niet" in creative.get_text()
    assert "Ik sorteerde" not in html.get_text()  # the example typed was in English
    assert "I sorted the stock" in html.get_text()  # shown back, but never in the link
    strengths = html.select_one(".assessment-strengths").get_text()
    assert "Creatieve denkvaardigheden" not in strengths
    link = html.select_one("a.assessment-link")["href"]
    assert link.endswith("?a=" + code) and "sorted" not in link


def test_the_plan_suggests_methods_linked_to_exactly_the_lowest_competence(client):
    page = spocc("fr")
    _response, code = answer_all(client, page, lowest_for(page, "O"))
    html = BeautifulSoup(client.get(page.url + "plan/", {"a": code}).content, "lxml")
    blocks = html.select(".plan-competence")
    assert [block["data-competence"] for block in blocks] == ["SPOCC O"]
    titles = {link.get_text(strip=True) for link in blocks[0].select(".plan-methods a")}
    linked = set(
        ToolPage.objects.live()
        .filter(locale__language_code="fr", competences__framework__code="SPOCC", competences__code="O")
        .values_list("title", flat=True)
    )
    assert titles and titles <= linked


def test_a_goal_profile_sets_the_levels_wanted(client):
    page = spocc("en")
    code = "4444444444"
    html = client.get(page.url + "result/", {"a": code, "goal": "1"}).content.decode()
    assert "Shop assistant (example)" in html
    table = BeautifulSoup(html, "lxml").select("table.assessment-table tbody tr")
    assert all("none" in row.select("td")[2].get_text() for row in table)  # everything reached


def test_the_plan_pdf_is_one_a4_page_in_the_persons_language(client):
    page = spocc("nl")
    code = "".join(str(rating) for rating in lowest_for(page, "S"))
    response = client.get(
        page.url + "plan/pdf/", {"a": code, "c": ["S", "P", "O", "C", "CT"], "step1": "Cv maken", "date1": "2027-02-01"}
    )
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert len(re.findall(rb"/Type\s*/Page[^s]", body)) == 1
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in body


@pytest.mark.parametrize("query", ["a=%00", "a=99999999999", "a=" + "1" * 5000, "a=1111111111&goal=%C2%B2&t-S=9&c=zz"])
def test_broken_codes_never_fail(client, query):
    page = spocc("en")
    for route in ("result/", "plan/", "plan/pdf/", "answer/"):
        assert client.get(f"{page.url}{route}?{query}").status_code in (200, 302)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"a": "\x00", "n": "²", "r": "9", "go": "next"},
        {"a": "1" * 10, "n": "10", "r": "4", "go": "next", "x10": "x" * 100000},
        {"a": "1" * 10, "n": "99999999999999999999", "r": "-1", "go": "back"},
        {"a": "0" * 10, "n": "1", "r": "١", "go": "sideways"},
    ],
)
def test_garbled_answers_never_fail_and_store_nothing(client, data):
    page = spocc("fr")
    before = row_counts()
    response = client.post(page.url + "answer/", data)
    assert response.status_code == 200
    assert row_counts() == before
