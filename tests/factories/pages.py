"""Pages of each content type, published under the section's existing index page.

Built on wagtail-factories' PageFactory (4.5, which supports Wagtail 8), whose create is
Wagtail's own `parent.add_child(instance=...)`; each page is then published through a
revision, as an editor publishes it, so it has a live revision and a first-published date
like any other. The parent is the live index page of the content type in `language`
(default English), which the test database has in every language; pass `parent=` to put a
page elsewhere.

    ToolPageFactory(title="Tower challenge", duration_minutes=45)
    EventPageFactory(language="fr", capacity=2)
    ToolPageFactory(live=False)   # a draft that was never published
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from .snippets import FrameworkFactory, FrameworkItemFactory, PartnerFactory


def index_page(model, language="en"):
    """The live page of `model` ("app.Model" or a class) in `language`: a section's index, or a home."""
    from django.apps import apps

    if isinstance(model, str):
        model = apps.get_model(model)
    return model.objects.live().get(locale__language_code=language)


def under(parent_model):
    """The parent declaration of a content type: `parent_model`'s page in the factory's language."""
    return factory.LazyAttribute(lambda page: index_page(parent_model, page.language))


class ContentPageFactory(wagtail_factories.PageFactory):
    """A published page in `language` (a factory parameter, default "en")."""

    class Meta:
        abstract = True

    class Params:
        language = "en"

    title = factory.Sequence(lambda n: f"Page {n}")
    # Numbered: a test's page never collides with a demo page of the same title.
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)[:200]}-{n}")
    locale = factory.LazyAttribute(lambda page: page.parent.locale)
    live = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        live = kwargs.pop("live", True)
        page = super()._create(model_class, *args, live=False, **kwargs)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        return page


class StandardPageFactory(ContentPageFactory):
    class Meta:
        model = "home.StandardPage"

    parent = under("home.HomePage")
    title = factory.Sequence(lambda n: f"Standard page {n}")


class ToolPageFactory(ContentPageFactory):
    """A training method: 60 minutes, for 1 to 12 people, with no steps or materials."""

    class Meta:
        model = "toolkit.ToolPage"

    parent = under("toolkit.ToolkitIndexPage")
    title = factory.Sequence(lambda n: f"Method {n}")
    summary = "A method to test with."
    target_groups = ["jobseekers"]
    setting = ["group"]
    duration_minutes = 60
    group_size_min = 1
    group_size_max = 12
    languages = ["en"]


def steps(*titles):
    """ToolPage.steps from step titles: `ToolPageFactory(steps=steps("Warm up", "Build"))`."""
    return [
        {"type": "step", "value": {"title": title, "text": f"What to do: {title}.", "minutes": 10}} for title in titles
    ]


class CaseStudyPageFactory(ContentPageFactory):
    class Meta:
        model = "practices.CaseStudyPage"

    parent = under("practices.CaseStudyIndexPage")
    title = factory.Sequence(lambda n: f"Case study {n}")
    country = "BE"


class FilmPageFactory(ContentPageFactory):
    """A film hosted on YouTube (a film needs a video file or an external address)."""

    class Meta:
        model = "films.FilmPage"

    parent = under("films.FilmIndexPage")
    title = factory.Sequence(lambda n: f"Film {n}")
    external_url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=testfilm{n:03d}")


class EventPageFactory(ContentPageFactory):
    """An event a month from now, three hours long, with 50 places, taking no registrations
    unless `open_for_registration=True` (registration opened a week ago, until it starts)."""

    class Meta:
        model = "events.EventPage"

    class Params:
        days_ahead = 30
        open_for_registration = factory.Trait(
            registration_opens=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
        )

    parent = under("events.EventIndexPage")
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyAttribute(
        lambda page: (timezone.now() + datetime.timedelta(days=page.days_ahead)).replace(
            hour=9, minute=30, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=3))
    capacity = 50
    audience_sectors = ["education"]


class PublicationPageFactory(ContentPageFactory):
    class Meta:
        model = "publications.PublicationPage"

    parent = under("home.HomePage")
    title = factory.Sequence(lambda n: f"Publication {n}")
    abstract = "What the publication is about."
    publication_date = datetime.date(2024, 6, 1)


class AchievementPageFactory(ContentPageFactory):
    class Meta:
        model = "badges.AchievementPage"

    parent = under("badges.BadgesIndexPage")
    title = factory.Sequence(lambda n: f"Badge {n}")
    summary = "What the badge recognises."
    criteria = "How the badge is earned."
    partner = factory.SubFactory(PartnerFactory, language=factory.SelfAttribute("..language"))


def _statements(page):
    item = FrameworkItemFactory(framework=page.framework, language=page.language)
    value = {"statement": "I can say what I do well.", "competence": item.pk, "hint": "", "ask_example": True}
    return [{"type": "statement", "value": value}]


class QuestionnairePageFactory(ContentPageFactory):
    """A self-assessment with one statement, tied to an item of its own framework."""

    class Meta:
        model = "assessments.QuestionnairePage"

    parent = under("assessments.AssessmentIndexPage")
    title = factory.Sequence(lambda n: f"Questionnaire {n}")
    framework = factory.SubFactory(FrameworkFactory, language=factory.SelfAttribute("..language"))
    scale_labels = "Not yet\nSometimes\nOften"
    statements = factory.LazyAttribute(_statements)


class CoursePageFactory(ContentPageFactory):
    """A course of one 60-minute module."""

    class Meta:
        model = "courses.CoursePage"

    parent = under("courses.CourseIndexPage")
    title = factory.Sequence(lambda n: f"Course {n}")
    audience = "Job coaches"
    summary = "What participants gain."
    modules = factory.LazyFunction(
        lambda: [
            {
                "type": "module",
                "value": {
                    "title": "Module",
                    "description": "",
                    "duration_minutes": 60,
                    "outcomes": [],
                    "methods": [],
                    "films": [],
                },
            }
        ]
    )
