"""Read-side helpers: localized snippets and pages, project and partner overviews.

Translated case studies link default-language partners (a synchronised
many-to-many) and the toolkit and film pages of the source page, so everything
shown is swapped for its translation in the current language, in bulk.
"""

from collections import Counter
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.text import slugify
from wagtail.models import Page

from core.translated import in_locale
from core.visibility import restricted_q, visible
from partners.models import Partner, Project, partners_by_country

METHOD_PAGE_MODELS = ("toolkit.ToolPage",)
FILM_PAGE_MODELS = ("films.FilmPage",)

# Project and partner pages show at most this many items per list, however large the site.
LIST_LIMIT = 12


def existing_models(labels):
    """The page models among `labels` ("app.Model") that exist in this installation."""
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return found


def related_pages(stream, locale, model_labels):
    """The pages chosen in a page-chooser StreamField, in `locale`, live and public.

    The choosers accept any page (their target apps are built separately); pages of
    another type than `model_labels` are dropped here once those models exist.
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


def pages_linking(snippet, locale, model_labels, limit=None):
    """Live pages of the given models in `locale` that link `snippet` (a project or a
    partner) through any foreign key or many-to-many, matched by translation key.

    With `limit`, each query fetches at most `limit` + 1 pages by title, so the caller
    can tell there are more without counting them."""
    found = []
    for model in existing_models(model_labels):
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is not type(snippet):
                continue
            pages = visible(
                model.objects.filter(**{f"{field.name}__translation_key": snippet.translation_key}), locale
            ).distinct()
            if limit is not None:
                pages = pages.order_by(Lower("title"), "pk")[: limit + 1]
            found.extend(pages)
    unique = {page.pk: page for page in found}
    ordered = sorted(unique.values(), key=lambda page: page.title.casefold())
    return ordered if limit is None else ordered[: limit + 1]


def first_items(items, limit):
    """(the first `limit` of `items`, whether there were more): `items` holds up to `limit` + 1."""
    items = list(items)
    return items[:limit], len(items) > limit


METHOD_INDEX_MODEL = "toolkit.ToolkitIndexPage"
FILM_INDEX_MODEL = "films.FilmIndexPage"


def index_urls(locale, model_labels):
    """The URL of the first visible index page of each of `model_labels` in `locale`, by label
    (one query whatever the site's size, so a page costs the same whether its lists are cut)."""
    models = existing_models(model_labels)
    if not models:
        return {}
    types = ContentType.objects.get_for_models(*models)  # Django keeps these in memory
    labels = {content_type.pk: model._meta.label for model, content_type in types.items()}
    found = {}
    for page in visible(Page.objects.filter(content_type__in=types.values()), locale).order_by("path"):
        found.setdefault(labels[page.content_type_id], page.url)
    return found


def with_query(url, **filters):
    return f"{url}?{urlencode(filters)}" if url and filters else url


# Projects -----------------------------------------------------------------------


def project_for(acronym, locale):
    return Project.objects.filter(locale=locale, acronym__iexact=acronym).first()


def source_projects(index):
    """The projects that have cases in this index's language, with their case counts."""
    counts = Counter(index.cases().filter(project__isnull=False).values_list("project__translation_key", flat=True))
    projects = Project.objects.filter(locale=index.locale, translation_key__in=counts)
    return [(project, counts[project.translation_key]) for project in projects]


def card_cases(cases, locale, limit=None):
    """Cases ready for cards: localized partners in bulk, ordered by title.

    With `limit`, at most `limit` + 1 cases are fetched (see `first_items`)."""
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


def project_context(index, project):
    cases = index.cases().filter(project__translation_key=project.translation_key)
    partners = Partner.objects.filter(locale=index.locale, project__translation_key=project.translation_key)
    project_cases, more_cases = first_items(card_cases(cases, index.locale, LIST_LIMIT), LIST_LIMIT)
    methods = pages_linking(project, index.locale, METHOD_PAGE_MODELS, LIST_LIMIT)
    methods, more_methods = first_items(methods, LIST_LIMIT)
    films, more_films = first_items(pages_linking(project, index.locale, FILM_PAGE_MODELS, LIST_LIMIT), LIST_LIMIT)
    listings = index_urls(index.locale, [METHOD_INDEX_MODEL, FILM_INDEX_MODEL])
    return {
        "project": project,
        "project_cases": project_cases,
        "project_partners": partners,
        "project_methods": methods,
        "project_films": films,
        "list_limit": LIST_LIMIT,
        "more_cases": more_cases,
        "more_methods": more_methods,
        "more_films": more_films,
        "methods_listing_url": with_query(listings.get(METHOD_INDEX_MODEL), project=project.acronym),
        "films_listing_url": listings.get(FILM_INDEX_MODEL),
    }


# Partners -----------------------------------------------------------------------


def partner_slug(partner):
    # The name is synchronised across languages, so the slug is the same in every language.
    return slugify(partner.name)


def partner_for(slug, locale):
    for partner in Partner.objects.filter(locale=locale).select_related("project"):
        if partner_slug(partner) == slug:
            return partner
    return None


def partner_context(index, partner):
    cases = index.cases().filter(partners__translation_key=partner.translation_key).distinct()
    partner_cases, more_cases = first_items(card_cases(cases, index.locale, LIST_LIMIT), LIST_LIMIT)
    methods = pages_linking(partner, index.locale, METHOD_PAGE_MODELS, LIST_LIMIT)
    methods, more_methods = first_items(methods, LIST_LIMIT)
    films, more_films = first_items(pages_linking(partner, index.locale, FILM_PAGE_MODELS, LIST_LIMIT), LIST_LIMIT)
    return {
        "partner": partner,
        "partner_cases": partner_cases,
        "partner_methods": methods,
        "partner_films": films,
        "list_limit": LIST_LIMIT,
        "more_cases": more_cases,
        "more_methods": more_methods,
        "more_films": more_films,
    }


# Schematic positions (longitude, latitude) of the 2 Seas countries, for the map.
COUNTRY_POSITIONS = {"GB": (-1.2, 51.6), "FR": (2.4, 50.5), "BE": (3.7, 50.9), "NL": (4.3, 51.7)}
MAP_BOUNDS = {"west": -5.0, "east": 6.5, "south": 49.5, "north": 53.0, "width": 460, "height": 260}


def partnership_context(index):
    from .models import CaseStudyPage

    case_counts = dict(
        CaseStudyPage.partners.through.objects.filter(casestudypage__in=index.cases())
        .values("partner__translation_key")
        .annotate(total=Count("casestudypage", distinct=True))
        .values_list("partner__translation_key", "total")
    )
    groups = []
    for country, partners in partners_by_country(index.locale):
        for partner in partners:
            partner.case_count = case_counts.get(partner.translation_key, 0)
            partner.slug = partner_slug(partner)
        groups.append({"country": country, "partners": partners})
    return {"country_groups": groups, "partner_map": partner_map(groups), "projects": source_projects(index)}


def partner_map(groups):
    """Circles sized by the number of partners per country, placed on a schematic map."""
    bounds = MAP_BOUNDS
    points = []
    for group in groups:
        position = COUNTRY_POSITIONS.get(group["country"].code)
        if position is None:
            continue
        lon, lat = position
        x = (lon - bounds["west"]) / (bounds["east"] - bounds["west"]) * bounds["width"]
        y = (bounds["north"] - lat) / (bounds["north"] - bounds["south"]) * bounds["height"]
        count = len(group["partners"])
        points.append(
            {
                "x": round(x),
                "y": round(y),
                "r": round(10 + 6 * count**0.5),
                "count": count,
                "name": group["country"].name,
                "code": group["country"].code,
            }
        )
    return {"width": bounds["width"], "height": bounds["height"], "points": points}
