"""Open data: the toolkit's methods and the case studies of one language, as CSV and JSON.

    /<lang>/open-data/methods.csv    /<lang>/open-data/methods.json
    /<lang>/open-data/cases.csv      /<lang>/open-data/cases.json

One row (or JSON object) per live method or case in the address's language, with
its translated text and its synchronised facts; `translation_key` is the same in
every language, to join the languages. Competences are given as language-neutral
codes (Framework:Code, as in the framework's own CSV and SKOS exports) and as
names in the dataset's language. Contact details are personal data and are
never exported.

The platform's content is published under CC BY 4.0: the licence is in the JSON
metadata, in an HTTP `Link: <…>; rel="license"` header on every download, and on
the Open data page; each method also states its own licence.

A dataset costs a fixed number of queries whatever its size: the pages (with
their project, partner and locale joined), the competence links, the competence
names in the dataset's language and, for cases, the partner links and names.
The CSV is streamed as it is written.
"""

import json
from dataclasses import dataclass

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from competences.keys import competence_value
from competences.models import FrameworkItem
from core import csv_export
from core.licences import licence_url
from core.visibility import visible
from partners.models import Partner
from practices.models import CaseStudyPage
from toolkit.models import ToolPage

LICENCE_NAME = "CC BY 4.0"
LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LIST_SEPARATOR = "; "


@dataclass
class Column:
    name: str
    value: object  # callable(page, context) -> str, number, bool, list or None


def _text(name):
    return Column(name, lambda page, ctx: getattr(page, name))


def _codes(name):
    return Column(name, lambda page, ctx: list(getattr(page, name) or []))


def _competences(page, ctx):
    return [value for value, _name in ctx["competences"].get(page.pk, [])]


def _competence_names(page, ctx):
    return [name for _value, name in ctx["competences"].get(page.pk, [])]


def _steps(page, ctx):
    return [
        {"title": step.value["title"], "text": str(step.value["text"]), "minutes": step.value["minutes"]}
        for step in page.steps
        if step.block_type == "step"
    ]


def _key_figures(page, ctx):
    return [{key: str(value) for key, value in figure.value.items()} for figure in page.key_figures]


def _date(name):
    return Column(name, lambda page, ctx: getattr(page, name).isoformat() if getattr(page, name) else None)


COMMON_START = [
    Column("url", lambda page, ctx: ctx["request"].build_absolute_uri(page.get_url(ctx["request"]))),
    Column("translation_key", lambda page, ctx: str(page.translation_key)),
    Column("language", lambda page, ctx: page.locale.language_code),
    _text("title"),
    _text("intro"),
]
COMMON_END = [
    Column("competences", _competences),
    Column("competence_names", _competence_names),
    _date("first_published_at"),
    _date("last_published_at"),
]

METHOD_COLUMNS = [
    *COMMON_START,
    _text("summary"),
    Column("aims", lambda page, ctx: page.aims_list),
    _codes("target_groups"),
    _codes("setting"),
    _text("duration_minutes"),
    _text("group_size_min"),
    _text("group_size_max"),
    Column("materials", lambda page, ctx: page.materials_list),
    _text("preparation"),
    Column("steps", _steps),
    _text("facilitator_tips"),
    _text("variations"),
    _text("evaluation"),
    Column("source_project", lambda page, ctx: page.source_project.acronym if page.source_project else None),
    Column("partner", lambda page, ctx: page.partner.name if page.partner else None),
    _codes("languages"),
    _text("licence"),
    Column("licence_url", lambda page, ctx: licence_url(page.licence)),
    *COMMON_END,
]

CASE_COLUMNS = [
    *COMMON_START,
    Column("country", lambda page, ctx: page.country.code),
    _text("region"),
    _text("sector"),
    _codes("target_groups"),
    _codes("outcome_types"),
    _text("context"),
    _text("approach"),
    Column("key_figures", _key_figures),
    _text("results"),
    _text("evidence_level"),
    _text("transferability"),
    _text("resources"),
    _text("lessons"),
    Column("project", lambda page, ctx: page.project.acronym if page.project else None),
    Column("partners", lambda page, ctx: ctx["partners"].get(page.pk, [])),
    _text("good_practice"),
    _text("good_practice_label"),
    _text("good_practice_year"),
    _text("is_example"),
    *COMMON_END,
]


@dataclass
class Dataset:
    slug: str
    model: type
    columns: list
    title: object
    related: tuple  # select_related fields

    def pages(self, locale):
        return visible(self.model.objects.all(), locale).select_related("locale", *self.related).order_by("path")


DATASETS = {
    "methods": Dataset(
        "methods", ToolPage, METHOD_COLUMNS, _("Training methods of the toolkit"), ("source_project", "partner")
    ),
    "cases": Dataset("cases", CaseStudyPage, CASE_COLUMNS, _("Best-practice case studies"), ("project",)),
}


def dataset(slug):
    if slug not in DATASETS:
        raise Http404
    return DATASETS[slug]


def competence_links(model, pages, locale):
    """{page id: [(Framework:Code, name in `locale`)]}, in two queries."""
    through = model._meta.get_field("competences").remote_field.through
    column = f"{model._meta.model_name}_id"
    links = list(
        through.objects.filter(**{f"{column}__in": pages.values("pk")})
        .order_by("pk")
        .values_list(column, "frameworkitem__framework__code", "frameworkitem__code", "frameworkitem__translation_key")
    )
    names = dict(
        FrameworkItem.objects.filter(locale=locale, translation_key__in={key for *_rest, key in links}).values_list(
            "translation_key", "name"
        )
    )
    found = {}
    for page_id, framework, code, key in links:
        found.setdefault(page_id, []).append((competence_value(framework, code), names.get(key, "")))
    return found


def partner_links(pages, locale):
    """{case id: [partner names in `locale`]}, in two queries (cases link default-language partners)."""
    through = CaseStudyPage._meta.get_field("partners").remote_field.through
    links = list(
        through.objects.filter(casestudypage_id__in=pages.values("pk"))
        .order_by("pk")
        .values_list("casestudypage_id", "partner__translation_key", "partner__name")
    )
    names = dict(
        Partner.objects.filter(locale=locale, translation_key__in={key for _id, key, _name in links}).values_list(
            "translation_key", "name"
        )
    )
    found = {}
    for page_id, key, name in links:
        found.setdefault(page_id, []).append(names.get(key, name))
    return found


def context_for(data, request, locale, pages):
    ctx = {"request": request, "competences": competence_links(data.model, pages, locale), "partners": {}}
    if data.model is CaseStudyPage:
        ctx["partners"] = partner_links(pages, locale)
    return ctx


def records(data, request):
    """(column names, iterator of {column: value}) of the dataset in the active language."""
    locale = Locale.get_active()
    pages = data.pages(locale)
    ctx = context_for(data, request, locale, pages)

    def rows():
        for page in pages.iterator(chunk_size=500):
            yield {column.name: column.value(page, ctx) for column in data.columns}

    return [column.name for column in data.columns], rows()


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def licence_link():
    return f'<{LICENCE_URL}>; rel="license"'


def filename(data):
    return f"steps-{data.slug}-{get_language()}"


def download_csv(request, slug):
    data = dataset(slug)
    names, rows = records(data, request)
    writer = csv_export.writer(csv_export.Echo())

    def lines():
        # A byte-order mark lets spreadsheet programs read the file as UTF-8.
        yield "\ufeff" + writer.writerow(names)
        for row in rows:
            yield writer.writerow([csv_cell(row[name]) for name in names])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(data)}.csv"'
    response["Link"] = licence_link()
    return response


def download_json(request, slug):
    data = dataset(slug)
    names, rows = records(data, request)
    items = list(rows)
    document = {
        "title": str(data.title),
        "language": get_language(),
        "publisher": "STEPS",
        "source": request.build_absolute_uri(request.path),
        "licence": {"name": LICENCE_NAME, "title": LICENCE_TITLE, "url": LICENCE_URL},
        "generated": timezone.now().isoformat(timespec="seconds"),
        "columns": names,
        "count": len(items),
        "items": items,
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename(data)}.json"'
    response["Link"] = licence_link()
    return response
