"""Finding methods: the toolkit's facets on top of the generic `core.filters`.

The listing costs a fixed number of queries whatever the number of methods:
one for the methods' records, one for their competence links, one for the
competence names in the current language, one for the project names, and one
for the page of results.
"""

from django.utils.translation import gettext as _

from competences.keys import competence_value, framework_order
from competences.models import FrameworkItem
from core.filters import Facet, FacetedFilter, NumberTest, Option, in_order
from core.listing import paginate
from core.visibility import visible
from partners.models import Project

from .models import Setting, TargetGroup, ToolPage, group_size_text, plan_query

# Duration buckets: (value in the URL, upper bound in minutes or None).
DURATION_BUCKETS = [("0-30", 30), ("31-60", 60), ("61-120", 120), ("121-", None)]


def duration_choices():
    return [
        ("0-30", _("Up to 30 minutes")),
        ("31-60", _("31 to 60 minutes")),
        ("61-120", _("1 to 2 hours")),
        ("121-", _("More than 2 hours")),
    ]


def duration_bucket(minutes):
    for value, upper in DURATION_BUCKETS:
        if upper is None or minutes <= upper:
            return value
    return None


def method_queryset(index_page):
    return visible(ToolPage.objects.child_of(index_page), index_page.locale_id)


def method_records(index_page):
    """One record per live method under the index, with everything the filters need (two queries)."""
    methods = method_queryset(index_page)
    rows = list(
        methods.order_by("title").values(
            "id",
            "title",
            "duration_minutes",
            "group_size_min",
            "group_size_max",
            "target_groups",
            "setting",
            "source_project__acronym",
        )
    )
    links = ToolPage.competences.through.objects.filter(toolpage__in=methods.values("pk")).values_list(
        "toolpage_id",
        "frameworkitem__framework__code",
        "frameworkitem__code",
        "frameworkitem__translation_key",
        "frameworkitem__parent__code",
        "frameworkitem__parent__translation_key",
    )
    by_page = {row["id"]: row for row in rows}
    for row in rows:
        row["competences"] = set()
        row["competence_keys"] = []
        row["duration"] = duration_bucket(row["duration_minutes"])
    item_keys = {}
    for page_id, framework, code, key, parent_code, parent_key in links:
        row = by_page.get(page_id)
        if row is None:
            continue
        value = competence_value(framework, code)
        row["competences"].add(value)
        row["competence_keys"].append(key)
        item_keys[value] = key
        # A method linked to a competence is also found under its area or category.
        if parent_code is not None:
            parent_value = competence_value(framework, parent_code)
            row["competences"].add(parent_value)
            item_keys[parent_value] = parent_key
    return rows, item_keys


def competence_options(item_keys, locale):
    """The competences in use as options, named in `locale`, grouped by framework,
    areas before their competences (one query)."""
    items = FrameworkItem.objects.filter(locale=locale, translation_key__in=set(item_keys.values())).select_related(
        "framework", "parent__parent"
    )
    names = {}
    options = []
    for item in items:
        names[item.translation_key] = item
        options.append(
            (
                framework_order(item),
                Option(
                    competence_value(item.framework.code, item.code),
                    item.name,
                    group=item.framework.name,
                    depth=1 if item.parent_id else 0,
                ),
            )
        )
    options.sort(key=lambda pair: pair[0])
    return [option for _key, option in options], names


def project_options(rows, locale):
    acronyms = {row["source_project__acronym"] for row in rows if row["source_project__acronym"]}
    projects = Project.objects.filter(locale=locale, acronym__in=acronyms).order_by("sort_order", "acronym")
    return [(project.acronym, project.acronym) for project in projects]


def fits_group(row, size):
    return row["group_size_min"] <= size <= row["group_size_max"]


def build_filter(data, rows, item_keys, locale):
    competences, names = competence_options(item_keys, locale)
    finder = FacetedFilter(
        data,
        rows,
        facets=[
            Facet("competence", _("Competence"), competences, values=lambda row: row["competences"]),
            Facet("group", _("Target group"), TargetGroup.choices, values=lambda row: row["target_groups"]),
            Facet("setting", _("Setting"), Setting.choices),
            Facet("duration", _("Duration"), duration_choices()),
            Facet(
                "project",
                _("Source project"),
                project_options(rows, locale),
                values=lambda row: row["source_project__acronym"],
            ),
        ],
        tests=[NumberTest("size", _("Fits a group of"), fits_group, min_value=1, max_value=500)],
    )
    return finder, names


def listing_context(index_page, request):
    from .plan import plan_ids_from_request, plan_summary

    locale = index_page.locale
    rows, item_keys = method_records(index_page)
    finder, names = build_filter(request.GET, rows, item_keys, locale)
    page_obj = paginate(request, finder.results, index_page.per_page)
    page_rows = list(page_obj.object_list)
    pages = {
        page.pk: page
        for page in in_order(
            method_queryset(index_page).select_related("source_project"), [row["id"] for row in page_rows]
        )
    }
    plan_ids = plan_ids_from_request(request)
    methods = []
    for row in page_rows:
        page = pages.get(row["id"])
        if page is None:
            continue
        in_plan = page.pk in plan_ids
        methods.append(
            {
                "page": page,
                "competences": [names[key] for key in dict.fromkeys(row["competence_keys"]) if key in names],
                "group_size": group_size_text(row["group_size_min"], row["group_size_max"]),
                "in_plan": in_plan,
                "plan_url": index_page.plan_url(
                    request, [pk for pk in plan_ids if pk != page.pk] if in_plan else [*plan_ids, page.pk]
                ),
            }
        )
    return {
        "finder": finder,
        "methods": methods,
        "page_obj": page_obj,
        "result_count": len(finder.results),
        "total_count": len(rows),
        "size_value": request.GET.get("size", "") if "size" in finder.active else "",
        "plan_ids": plan_ids,
        "plan_query": plan_query(plan_ids),
        "plan": plan_summary(index_page, request, plan_ids, rows) if plan_ids else None,
        "noindex": finder.is_filtered or bool(request.GET),
    }
