"""Test data built for the test that reads it, not taken from the demo.

The test database is a copy of the demo build (tests/conftest.py), so the site's skeleton is
there in every language: the root, a home page per language and each section's index page.
These factories add content under that skeleton. A test that builds its own methods, cases or
events states the facts it relies on (a duration, a title, a date) where it asserts on them,
and keeps passing whatever the demo's YAML files say.

    from tests.factories import ToolPageFactory, translate

    method = ToolPageFactory(duration_minutes=45)           # under the English toolkit, live
    french = translate(method, "fr", title="La méthode")   # a synced wagtail-localize translation

Everything built here is a record (`is_example=False`) unless a test asks for an example.
Tests whose subject is the demo itself are marked `@pytest.mark.demo` instead.
"""

from .pages import (
    AchievementPageFactory,
    CaseStudyPageFactory,
    CoursePageFactory,
    EventPageFactory,
    FilmPageFactory,
    PublicationPageFactory,
    QuestionnairePageFactory,
    StandardPageFactory,
    ToolPageFactory,
    index_page,
)
from .records import RegistrationFactory, badge_issuer
from .snippets import FrameworkFactory, FrameworkItemFactory, PartnerFactory, ProjectFactory, SpeakerFactory
from .translations import translate

__all__ = [
    "AchievementPageFactory",
    "CaseStudyPageFactory",
    "CoursePageFactory",
    "EventPageFactory",
    "FilmPageFactory",
    "FrameworkFactory",
    "FrameworkItemFactory",
    "PartnerFactory",
    "ProjectFactory",
    "PublicationPageFactory",
    "QuestionnairePageFactory",
    "RegistrationFactory",
    "SpeakerFactory",
    "StandardPageFactory",
    "ToolPageFactory",
    "badge_issuer",
    "index_page",
    "translate",
]
