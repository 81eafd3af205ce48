"""Fixtures for the toolkit tests: the demo toolkit in each language, and its data file."""

import pytest

from tests.module_data import module_data
from toolkit.demo import load_methods


@pytest.fixture(scope="session")
def methods_data():
    return load_methods()


@pytest.fixture
def toolkits(db):
    from toolkit.models import ToolkitIndexPage

    return {page.locale.language_code: page for page in ToolkitIndexPage.objects.live().select_related("locale")}


# What the method fixture's page says in each language.
METHOD_TITLES = {"en": "The strengths conversation", "fr": "L'entretien sur les forces", "nl": "Het krachtengesprek"}
COMPETENCES = {
    "en": ["Wellbeing", "Empathy", "Growth mindset"],
    "fr": ["Bien-être", "Empathie", "État d'esprit de développement"],
    "nl": ["Welzijn", "Empathie", "Groeimindset"],
}


@module_data
def method_pks():
    """The primary keys of a method written in English and translated into French and
    Dutch, keyed by language code: one hour, linked to three competences (P1 to P3 of the
    framework LIFE), with two steps, materials, a source project (SUCCES) and a partner,
    and a worksheet of its own in each language. A second method shares its first
    competence, in every language. Built once per module."""
    from wagtail_factories import DocumentFactory

    from tests.factories import (
        FrameworkFactory,
        FrameworkItemFactory,
        PartnerFactory,
        ProjectFactory,
        ToolPageFactory,
        translate,
    )
    from tests.factories.pages import steps

    languages = ("fr", "nl")
    framework = FrameworkFactory(code="LIFE", name="Life skills")
    for code in languages:
        translate(framework, code)
    items = []
    for number, name in enumerate(COMPETENCES["en"]):
        item = FrameworkItemFactory(framework=framework, code=f"P{number + 1}", name=name)
        for code in languages:
            translate(item, code, name=COMPETENCES[code][number])
        items.append(item)
    project = ProjectFactory(acronym="SUCCES")
    partner = PartnerFactory(project=project)
    for snippet in (project, partner):
        for code in languages:
            translate(snippet, code)

    def worksheet(language):
        document = DocumentFactory(title=f"{METHOD_TITLES[language]}: worksheet")
        return [{"type": "worksheet", "value": {"document": document.pk, "title": ""}}]

    english = ToolPageFactory(
        title=METHOD_TITLES["en"],
        duration_minutes=60,
        competences=items,
        steps=steps("Welcome the person", "Ask about a good day"),
        materials="Strength cards\nPens",
        source_project=project,
        partner=partner,
        worksheets=worksheet("en"),
    )
    pages = {"en": english}
    for code in languages:
        # Each language's own worksheet, as a translator overrides the source's document.
        pages[code] = translate(english, code, title=METHOD_TITLES[code], worksheets=worksheet(code))
    other = ToolPageFactory(title="The strengths circle", competences=items[:1])
    for code in languages:
        translate(other, code)
    return {code: page.pk for code, page in pages.items()}


@pytest.fixture
def method(db, method_pks):
    """The method's pages, keyed by language code: fresh instances, so no test sees what
    another changed in memory."""
    from toolkit.models import ToolPage

    return {code: ToolPage.objects.get(pk=pk) for code, pk in method_pks.items()}
