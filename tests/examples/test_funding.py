"""Each project credits its own funder: content from a project funded by Erasmus+
shows that programme's emblem text and disclaimer, in the reader's language; the
site's own Interreg acknowledgement stays in the footer."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from films.models import FilmPage
from partners.funding import NOTICES, Funding
from partners.models import Project
from practices.models import CaseStudyPage
from tests.page_types import LANGUAGES
from toolkit.models import ToolPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

ERASMUS_PROJECTS = ("SoftSkills4EU", "ENTR21")


def erasmus_pages(language):
    pages = []
    for model, field in ((ToolPage, "source_project"), (FilmPage, "source_project"), (CaseStudyPage, "project")):
        pages += list(
            model.objects.live().filter(locale__language_code=language, **{f"{field}__acronym__in": ERASMUS_PROJECTS})
        )
    return pages


def test_every_project_has_a_funding_programme_from_the_reference_data():
    for project in Project.objects.all():
        assert project.funding in Funding.values, project.acronym
    assert set(
        Project.objects.filter(acronym__in=[*ERASMUS_PROJECTS, "SoftComInVET"]).values_list("funding", flat=True)
    ) == {Funding.ERASMUS_PLUS}


@pytest.mark.parametrize("language", LANGUAGES)
def test_content_from_softskills4eu_and_entr21_shows_the_erasmus_plus_notice(client, language):
    pages = erasmus_pages(language)
    kinds = {type(page) for page in pages}
    assert {ToolPage, FilmPage} <= kinds, "methods and a film from these projects are in the demo"
    with translation.override(language):
        emblem = str(NOTICES[Funding.ERASMUS_PLUS]["emblem"])
        disclaimer = str(NOTICES[Funding.ERASMUS_PLUS]["disclaimer"])
    if language != "en":
        with translation.override("en"):
            assert emblem != str(NOTICES[Funding.ERASMUS_PLUS]["emblem"]), "the emblem text is translated"
    for page in pages:
        html = BeautifulSoup(client.get(page.url).content, "lxml")
        notice = html.select_one('[data-funding="erasmus_plus"]')
        assert notice is not None, page.url
        assert emblem in notice.get_text(" ") and disclaimer in notice.get_text(" "), page.url
        assert html.find("footer") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_content_from_interreg_projects_leaves_the_credit_to_the_footer(client, language):
    page = ToolPage.objects.live().filter(locale__language_code=language, source_project__acronym="SUCCES").first()
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    assert html.select_one("main [data-funding]") is None


def test_the_project_page_credits_its_programme(client):
    from practices.models import CaseStudyIndexPage

    index = CaseStudyIndexPage.objects.live().get(locale__language_code="fr")
    html = BeautifulSoup(client.get(index.url + "projects/SoftSkills4EU/").content, "lxml")
    assert html.select_one('[data-funding="erasmus_plus"]') is not None


def test_softskills4eu_methods_carry_the_projects_licence():
    methods = ToolPage.objects.filter(source_project__acronym="SoftSkills4EU")
    assert methods and {method.licence for method in methods} == {"CC-BY-SA-4.0"}


def test_the_related_projects_facts_are_data_for_other_apps():
    from partners.facts import project_facts

    facts = project_facts()
    assert len(facts["SoftSkills4EU"]["badge_scheme"]["module_badges"]) == 5
    assert facts["SoftSkills4EU"]["licence"] == "CC-BY-SA-4.0"
    assert len(facts["ENTR21"]["courses"]) == 2 and len(facts["ENTR21"]["competences"]) == 6
    assert facts["WBL partnership"]["themes"]
