"""Read-side helpers: localized snippets and pages, project and partner overviews.

Translated case studies link default-language partners (a synchronised
many-to-many) and the toolkit and film pages of the source page, so everything
shown is swapped for its translation in the current language, in bulk.
"""

from collections import Counter

from django.apps import apps
from django.db.models import Count, Q
from django.utils.text import slugify
from wagtail.models import Page

from core.languages import restricted_q
from partners.models import Partner, Project, partners_by_country

METHOD_PAGE_MODELS = ("toolkit.ToolPage",)
FILM_PAGE_MODELS = ("films.FilmPage",)


def localized_snippets(items, locale):
    """The translatable objects `items` (one model) in `locale`, same order, one query.

    An object not translated yet is kept in its own language so a link is never lost."""
    items = list(items)
    if not items:
        return []
    model = type(items[0])
    wanted = {item.translation_key for item in items if item.locale_id != locale.pk}
    translations = {}
    if wanted:
        translations = {
            obj.translation_key: obj for obj in model.objects.filter(locale=locale, translation_key__in=wanted)
        }
    return [item if item.locale_id == locale.pk else translations.get(item.translation_key, item) for item in items]


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
        found = (
            pages.filter(Q(pk__in=ids) | Q(locale=locale, translation_key__in=chosen.values("translation_key")))
            .annotate(shown=Q(locale=locale, live=True, alias_of__isnull=True) & ~restricted_q())
        )
        for page in found:
            if page.pk in ids:
                key_of[page.pk] = page.translation_key
            if page.shown:
                by_key[page.translation_key] = page
    return [by_key[key_of[pk]] for pk in ids if pk in key_of and key_of[pk] in by_key]


def pages_linking(snippet, locale, model_labels):
    """Live pages of the given models in `locale` that link `snippet` (a project or a
    partner) through any foreign key or many-to-many, matched by translation key."""
    found = []
    for model in existing_models(model_labels):
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is not type(snippet):
                continue
            found.extend(
                model.objects.live()
                .filter(
                    locale=locale, alias_of__isnull=True, **{f"{field.name}__translation_key": snippet.translation_key}
                )
                .exclude(restricted_q())
                .distinct()
            )
    unique = {page.pk: page for page in found}
    return sorted(unique.values(), key=lambda page: page.title.casefold())


# Projects -----------------------------------------------------------------------


def project_for(acronym, locale):
    return Project.objects.filter(locale=locale, acronym__iexact=acronym).first()


def source_projects(index):
    """The projects that have cases in this index's language, with their case counts."""
    counts = Counter(index.cases().filter(project__isnull=False).values_list("project__translation_key", flat=True))
    projects = Project.objects.filter(locale=index.locale, translation_key__in=counts)
    return [(project, counts[project.translation_key]) for project in projects]


def card_cases(cases, locale):
    """Cases ready for cards: localized partners in bulk, ordered by title."""
    cases = list(cases.select_related("project").prefetch_related("partners").order_by("title"))
    attach_localized_partners(cases, locale)
    return cases


def attach_localized_partners(cases, locale):
    """Set each case's `localized_partners` with a single query for all translations."""
    partners = [partner for case in cases for partner in case.partners.all()]
    localized = iter(localized_snippets(partners, locale))
    for case in cases:
        case._localized_partners = [next(localized) for _partner in case.partners.all()]


def project_context(index, project):
    cases = index.cases().filter(project__translation_key=project.translation_key)
    partners = Partner.objects.filter(locale=index.locale, project__translation_key=project.translation_key)
    return {
        "project": project,
        "project_cases": card_cases(cases, index.locale),
        "project_partners": partners,
        "project_methods": pages_linking(project, index.locale, METHOD_PAGE_MODELS),
        "project_films": pages_linking(project, index.locale, FILM_PAGE_MODELS),
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
    return {
        "partner": partner,
        "partner_cases": card_cases(cases, index.locale),
        "partner_methods": pages_linking(partner, index.locale, METHOD_PAGE_MODELS),
        "partner_films": pages_linking(partner, index.locale, FILM_PAGE_MODELS),
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
