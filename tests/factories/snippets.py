"""Translatable snippets: partners, projects and competence frameworks with their items."""

import factory
from wagtail.models import Locale


def locale_of(language):
    return Locale.objects.get(language_code=language)


class LocalizedFactory(factory.django.DjangoModelFactory):
    """A translatable model in `language` (default English): `PartnerFactory(language="fr")`."""

    class Meta:
        abstract = True

    class Params:
        language = "en"

    locale = factory.LazyAttribute(lambda obj: locale_of(obj.language))


class ProjectFactory(LocalizedFactory):
    class Meta:
        model = "partners.Project"

    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    full_name = factory.LazyAttribute(lambda project: f"Project {project.acronym}")
    programme = "Interreg 2 Seas"
    summary = "A project that wrote training methods."


class PartnerFactory(LocalizedFactory):
    """A partner of no project (pass `project=ProjectFactory()`: a translation of the partner
    then needs the project's translation first, as wagtail-localize re-points the link)."""

    class Meta:
        model = "partners.Partner"

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    country = "BE"
    town = "Ghent"
    project = None


class FrameworkFactory(LocalizedFactory):
    class Meta:
        model = "competences.Framework"

    code = factory.Sequence(lambda n: f"FW{n}")
    name = factory.LazyAttribute(lambda framework: f"Framework {framework.code}")


class FrameworkItemFactory(LocalizedFactory):
    class Meta:
        model = "competences.FrameworkItem"

    framework = factory.SubFactory(FrameworkFactory, language=factory.SelfAttribute("..language"))
    code = factory.Sequence(lambda n: f"C{n}")
    name = factory.LazyAttribute(lambda item: f"Competence {item.code}")


class SpeakerFactory(LocalizedFactory):
    """A speaker in an event's programme (a translation of the event needs the speaker's first)."""

    class Meta:
        model = "events.Speaker"

    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "Job coach"
