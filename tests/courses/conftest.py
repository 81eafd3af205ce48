"""A course built for the tests, with everything it links to, in English, French and Dutch."""

import pytest

from tests.factories import (
    AchievementPageFactory,
    CoursePageFactory,
    FilmPageFactory,
    FrameworkFactory,
    FrameworkItemFactory,
    PartnerFactory,
    ToolPageFactory,
    translate,
)
from tests.module_data import module_data

TRANSLATIONS = ("fr", "nl")


def in_every_language(instance, **texts):
    """{language: instance or its translation}; `texts` maps a language to its texts."""
    return {"en": instance} | {code: translate(instance, code, **texts.get(code, {})) for code in TRANSLATIONS}


def module(title, outcomes=(), methods=(), films=()):
    return {
        "type": "module",
        "value": {
            "title": title,
            "description": "",
            "duration_minutes": 90,
            "outcomes": [item.pk for item in outcomes],
            "methods": [page.pk for page in methods],
            "films": [page.pk for page in films],
        },
    }


def build_course(title="Discover your competences"):
    """A course of two modules, each with an outcome, the first with a method and a film,
    leading to a badge its provider issues; what it links to is translated before it,
    as translators work (wagtail-localize points each link at the linked translation)."""
    framework = FrameworkFactory(code="TEST", name="Test competences")
    in_every_language(framework)
    outcomes = [
        FrameworkItemFactory(framework=framework, code="T1", name="Knowing your strengths"),
        FrameworkItemFactory(framework=framework, code="T2", name="Planning next steps"),
    ]
    names = {
        "fr": ["Connaître ses forces", "Planifier la suite"],
        "nl": ["Je sterktes kennen", "Volgende stappen plannen"],
    }
    for number, item in enumerate(outcomes):
        in_every_language(item, **{code: {"name": names[code][number]} for code in TRANSLATIONS})
    partner = PartnerFactory(name="Harbour College")
    in_every_language(partner)
    badge = AchievementPageFactory(title="Strengths explorer", partner=partner)
    in_every_language(badge)
    method = ToolPageFactory(title="Tower challenge")
    in_every_language(method, fr={"title": "Le défi de la tour"}, nl={"title": "De torenuitdaging"})
    film = FilmPageFactory(title="Strengths on film")
    in_every_language(film)
    course = CoursePageFactory(
        title=title,
        badge=badge,
        partner=partner,
        modules=[module("Your strengths", outcomes[:1], [method], [film]), module("Next steps", outcomes[1:])],
    )
    return in_every_language(course, fr={"title": "Découvrez vos compétences"}, nl={"title": "Ontdek je competenties"})


@module_data
def course_pks():
    """The primary keys of the course's pages, keyed by language code: built once per module."""
    return {code: page.pk for code, page in build_course().items()}


@pytest.fixture
def course(db, course_pks):
    """The course, keyed by language code: fresh instances, so no test sees
    what another changed in memory."""
    from courses.models import CoursePage

    return {code: CoursePage.objects.get(pk=pk) for code, pk in course_pks.items()}
