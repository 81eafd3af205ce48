"""The partnership overview, each project's page and each partner's page.

They are sub-routes of a library page (`practices.CaseStudyIndexPage` serves
them at `partners/`, `projects/<acronym>/` and `partners/<slug>/`, whose
addresses and sitemap entries stay its own); the page passes itself as `page`,
for the site frame, the breadcrumbs and the links between these views. What a
partner or a project contributed is listed through `partners.contributions`.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core import structured_data

from . import contributions
from .models import Partner, Project, partners_by_country

PARTNERSHIP_TITLE = _("Partners and source projects")


def partner_slug(partner):
    # The name is synchronised across languages, so the slug is the same in every language.
    return slugify(partner.name)


def partner_for(slug, locale):
    for partner in Partner.objects.filter(locale=locale).select_related("project"):
        if partner_slug(partner) == slug:
            return partner
    return None


def project_for(acronym, locale):
    return Project.objects.filter(locale=locale, acronym__iexact=acronym).first()


def sitemap_subpaths(locale, projects=None):
    """The sub-routes of the partnership views in `locale` that search engines may index:
    the overview, each project's page (of `projects`, by default every project of the
    language) and each partner's page."""
    if projects is None:
        projects = Project.objects.filter(locale=locale)
    partners = Partner.objects.filter(locale=locale).only("name")
    return [
        "partners/",
        *(f"projects/{project.acronym}/" for project in projects),
        *(f"partners/{partner_slug(partner)}/" for partner in partners),
    ]


def collection_data(page, request, name):
    """JSON-LD of one of these views: a collection, part of `page`."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": str(name),
        "url": request.build_absolute_uri(request.path),
        "inLanguage": page.locale.language_code,
        "isPartOf": structured_data.page_url(page, request),
    }


# Views ----------------------------------------------------------------------------


def partnership(request, page, projects=(), item_counts=None):
    """The partners by country, on a map and in lists, and the source projects.

    `projects`: (project, number of items) pairs, the projects `page` has items from;
    `item_counts`: {partner translation key: number of items of `page` they contributed}."""
    item_counts = item_counts or {}
    groups = []
    for country, partners in partners_by_country(page.locale):
        for partner in partners:
            partner.case_count = item_counts.get(partner.translation_key, 0)
            partner.slug = partner_slug(partner)
        groups.append({"country": country, "partners": partners})
    context = page.get_context(request)
    context.update({"country_groups": groups, "partner_map": partner_map(groups), "projects": projects})
    context["structured_data"] = [collection_data(page, request, PARTNERSHIP_TITLE)]
    return TemplateResponse(request, "partners/partners.html", context)


def project_view(request, page, acronym):
    project = project_for(acronym, page.locale)
    if project is None:
        raise Http404
    context = page.get_context(request)
    context.update(
        {
            "project": project,
            "project_partners": Partner.objects.filter(
                locale=page.locale, project__translation_key=project.translation_key
            ),
            "sections": contributions.sections(project, page.locale),
            "list_limit": contributions.LIST_LIMIT,
        }
    )
    context["structured_data"] = [collection_data(page, request, project.acronym)]
    return TemplateResponse(request, "partners/project.html", context)


def partner_view(request, page, slug):
    partner = partner_for(slug, page.locale)
    if partner is None:
        raise Http404
    context = page.get_context(request)
    context.update(
        {
            "partner": partner,
            "sections": contributions.sections(partner, page.locale),
            "list_limit": contributions.LIST_LIMIT,
        }
    )
    context["structured_data"] = [
        collection_data(page, request, partner.name),
        {"@context": "https://schema.org", **partner.as_structured_data()},
    ]
    return TemplateResponse(request, "partners/partner.html", context)


# The map ---------------------------------------------------------------------------

# Schematic positions (longitude, latitude) of the 2 Seas countries, for the map.
COUNTRY_POSITIONS = {"GB": (-1.2, 51.6), "FR": (2.4, 50.5), "BE": (3.7, 50.9), "NL": (4.3, 51.7)}
MAP_BOUNDS = {"west": -5.0, "east": 6.5, "south": 49.5, "north": 53.0, "width": 460, "height": 260}


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
