"""The cluster's and each project's results in the fields of the programmes' results platforms.

Two exports, one CSV row per result (the project's own fields repeated on each row,
as both platforms' import sheets expect a project with its results):

- the **Erasmus+ Project Results Platform** (project card and results), and
- **keep.eu**, Interreg's database of projects (project, partnership, outputs).

A *result* is a live, public page in the default language that is not an example:
for the cluster, the publication, every film, the toolkit and every method and
case study; for a project (partners.Project), the methods and case studies that
name it as their source project. The field mapping is documented in the README
("Deposits and programme platforms").

Written by the site's one safe CSV writer (core/csv_export.py, defusedcsv).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import strip_tags

from core import csv_export
from core.licences import licence_url
from core.visibility import EVERY_LANGUAGE, visible
from films.models import FilmPage
from partners.models import Partner, Project
from practices.models import CaseStudyPage
from publications.models import PublicationPage
from toolkit.models import ToolkitIndexPage, ToolPage

from .datacite import CLUSTER_NAME, is_example, page_url

# The cluster itself is no Project record: its facts (reference data).
CLUSTER = {
    "acronym": "STEPS",
    "title": CLUSTER_NAME,
    "programme": "Interreg IVA 2 Seas (2 Mers Seas Zeeën), thematic cluster",
    "period": "2007-2013",
    "start": "2014",
    "end": "2015-09-30",
    "grant": "548140",
}

# Our field -> the platform's column heading, in the platform's order.
ERASMUS_PLUS_FIELDS = [
    ("reference", "Project Identifier"),
    ("programme", "Programme"),
    ("title", "Project Title"),
    ("acronym", "Project Acronym"),
    ("start", "Start Date"),
    ("end", "End Date"),
    ("grant", "EU Grant award in euros"),
    ("coordinator", "Coordinating organisation name"),
    ("coordinator_country", "Coordinator's country"),
    ("partners", "Participating organisations"),
    ("countries", "Participating countries"),
    ("website", "Project Website"),
    ("summary", "Project Summary"),
    ("result_title", "Result Title"),
    ("result_type", "Result Type"),
    ("result_description", "Result Description"),
    ("result_url", "Result Link"),
    ("result_languages", "Result Languages"),
    ("result_licence", "Result Licence"),
]
KEEP_EU_FIELDS = [
    ("acronym", "Project acronym"),
    ("title", "Project name"),
    ("programme", "Programme"),
    ("period", "Programming period"),
    ("start", "Project start date"),
    ("end", "Project end date"),
    ("grant", "Total budget"),
    ("coordinator", "Lead partner"),
    ("coordinator_country", "Lead partner country"),
    ("partners", "Partners"),
    ("countries", "Countries"),
    ("website", "Project website"),
    ("summary", "Project description"),
    ("result_title", "Output title"),
    ("result_type", "Output type"),
    ("result_description", "Output description"),
    ("result_url", "Output link"),
]
PLATFORMS = {"erasmus-plus": ERASMUS_PLUS_FIELDS, "keep-eu": KEEP_EU_FIELDS}
SEPARATOR = "; "


@dataclass
class Row:
    project: dict
    result: dict = field(default_factory=dict)

    def value(self, name):
        return self.result.get(name, self.project.get(name, ""))


def _default_language(queryset):
    return visible(queryset.filter(locale__language_code=settings.LANGUAGE_CODE), EVERY_LANGUAGE).order_by("path")


def _languages(page):
    found = [page.locale.language_code]
    translations = page.get_translations().live().filter(alias_of__isnull=True)
    found += list(translations.values_list("locale__language_code", flat=True))
    return SEPARATOR.join(sorted(set(found), key=found.index))


def _text(value):
    return " ".join(strip_tags(str(value or "")).split())


def _result(page, kind, description=""):
    return {
        "result_title": page.title,
        "result_type": kind,
        "result_description": _text(description or page.intro or page.search_description),
        "result_url": page_url(page),
        "result_languages": _languages(page),
        "result_licence": licence_url(getattr(page, "licence", "")) or getattr(page, "licence", ""),
    }


def _results(queryset, kind, description_field=""):
    return [
        _result(page, kind, getattr(page, description_field, "") if description_field else "")
        for page in _default_language(queryset)
        if not is_example(page)
    ]


def _partnership(partners):
    partners = list(partners)
    lead = next((partner for partner in partners if partner.is_lead), partners[0] if partners else None)
    return {
        "coordinator": lead.name if lead else "",
        "coordinator_country": lead.country.code if lead else "",
        "partners": SEPARATOR.join(partner.name for partner in partners),
        "countries": SEPARATOR.join(dict.fromkeys(partner.country.code for partner in partners if partner.country)),
    }


def _partners():
    return Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "name")


def cluster_rows():
    project = {**CLUSTER, "reference": "", "website": settings.WAGTAILADMIN_BASE_URL, "summary": ""}
    project |= _partnership(_partners())
    results = (
        _results(PublicationPage.objects.all(), "Publication", "abstract")
        + _results(FilmPage.objects.all(), "Film", "synopsis")
        + _results(ToolkitIndexPage.objects.all(), "Toolkit")
        + _results(ToolPage.objects.all(), "Training method", "summary")
        + _results(CaseStudyPage.objects.all(), "Case study")
    )
    return [Row(project, result) for result in results]


def project_rows(project):
    facts = {
        "reference": project.reference,
        "programme": project.programme,
        "title": project.full_name or project.acronym,
        "acronym": project.acronym,
        "period": "",
        "start": project.start_date.isoformat() if project.start_date else "",
        "end": project.end_date.isoformat() if project.end_date else "",
        "grant": str(project.budget_eur or ""),
        "website": project.website,
        "summary": _text(project.summary),
    }
    facts |= _partnership(_partners().filter(project__translation_key=project.translation_key))
    keys = Project.objects.filter(translation_key=project.translation_key).values("pk")
    results = _results(ToolPage.objects.filter(source_project__in=keys), "Training method", "summary")
    results += _results(CaseStudyPage.objects.filter(project__in=keys), "Case study")
    return [Row(facts, result) for result in results] or [Row(facts)]


def projects():
    return Project.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "acronym")


def rows(scope="all"):
    """The rows of the cluster ("cluster"), of one project (its acronym), or of all of them ("all")."""
    found = []
    if scope in ("all", "cluster"):
        found += cluster_rows()
    for project in projects():
        if scope in ("all", project.acronym):
            found += project_rows(project)
    return found


def write_csv(stream, platform, scope="all"):
    fields = PLATFORMS[platform]
    writer = csv_export.writer(stream)
    stream.write("\ufeff")
    writer.writerow([heading for _name, heading in fields])
    for row in rows(scope):
        writer.writerow([row.value(name) for name, _heading in fields])
