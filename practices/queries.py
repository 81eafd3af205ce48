"""Read-side helpers: localized snippets and pages, cases credited to projects and partners.

Translated case studies link default-language partners (a synchronised
many-to-many) and the toolkit and film pages of the source page, so everything
shown is swapped for its translation in the current language, in bulk.
"""

from collections import Counter

from django.db.models import Count, Q
from wagtail.models import Page

from core.translated import in_locale
from core.visibility import restricted_q, visible
from partners.contributions import existing_models
from partners.models import Project

METHOD_PAGE_MODELS = ("toolkit.ToolPage",)
FILM_PAGE_MODELS = ("films.FilmPage",)


def related_pages(stream, locale, model_labels):
    """The pages chosen in a page-chooser StreamField, in `locale`, live and public.

    The choosers accept only `model_labels` (core.blocks.TypedPageChooserBlock); a page
    stored before they were typed, of another type, is dropped here.
    One query per model: the translations in `locale` of the chosen pages."""
    ids = [block.get("value") for block in stream.raw_data if block.get("value")]
    if not ids:
        return []
    chosen = Page.objects.filter(pk__in=ids)
    models = existing_models(model_labels)
    querysets = [model.objects.all() for model in models] or [Page.objects.specific()]
    by_key, key_of = {}, {}
    for pages in querysets:
        found = pages.filter(
            Q(pk__in=ids) | Q(locale=locale, translation_key__in=chosen.values("translation_key"))
        ).annotate(shown=Q(locale=locale, live=True, alias_of__isnull=True) & ~restricted_q())
        for page in found:
            if page.pk in ids:
                key_of[page.pk] = page.translation_key
            if page.shown:
                by_key[page.translation_key] = page
    return [by_key[key_of[pk]] for pk in ids if pk in key_of and key_of[pk] in by_key]


# Projects and partners ------------------------------------------------------------


def source_projects(index):
    """The projects that have cases in this index's language, with their case counts."""
    counts = Counter(index.cases().filter(project__isnull=False).values_list("project__translation_key", flat=True))
    projects = Project.objects.filter(locale=index.locale, translation_key__in=counts)
    return [(project, counts[project.translation_key]) for project in projects]


def card_cases(cases, locale, limit=None):
    """Cases ready for cards: localized partners in bulk, ordered by title.

    With `limit`, at most `limit` + 1 cases are fetched (the partner and project pages' lists)."""
    cases = cases.select_related("project").prefetch_related("partners").order_by("title")
    if limit is not None:
        cases = cases[: limit + 1]
    cases = list(cases)
    attach_localized_partners(cases, locale)
    return cases


def attach_localized_partners(cases, locale):
    """Set each case's `localized_partners` with a single query for all translations."""
    partners = [partner for case in cases for partner in case.partners.all()]
    localized = iter(in_locale(partners, locale))
    for case in cases:
        case._localized_partners = [next(localized) for _partner in case.partners.all()]


def credited_cases(subject, locale, limit):
    """The live case studies of `locale` from `subject` (a project or a partner), ready for
    cards: at most `limit` + 1 of them (the partner and project pages' contribution)."""
    from .models import CaseStudyPage

    cases = visible(CaseStudyPage.objects.all(), locale)
    if isinstance(subject, Project):
        cases = cases.filter(project__translation_key=subject.translation_key)
    else:
        cases = cases.filter(partners__translation_key=subject.translation_key).distinct()
    return card_cases(cases, locale, limit)


def partner_case_counts(index):
    """{partner translation key: number of cases of this index they took part in}."""
    from .models import CaseStudyPage

    return dict(
        CaseStudyPage.partners.through.objects.filter(casestudypage__in=index.cases())
        .values("partner__translation_key")
        .annotate(total=Count("casestudypage", distinct=True))
        .values_list("partner__translation_key", "total")
    )
