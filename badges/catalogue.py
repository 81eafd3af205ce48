"""The badge catalogue of one language, filtered by framework and competence (core.filters)."""

from collections import defaultdict

from django.utils.translation import gettext as _

from competences.keys import competence_value, framework_order, item_value, parse_competence_value
from competences.models import Framework, FrameworkItem
from core.filters import Facet, FacetedFilter, in_order
from core.listing import paginate

PER_PAGE = 24


def _rows(index):
    from .models import AchievementPage

    achievements = index.achievements()
    rows = list(achievements.order_by("title").values("pk", "title"))
    links = AchievementPage.competences.through.objects.filter(achievementpage__in=achievements.values("pk"))
    competences = defaultdict(set)
    frameworks = defaultdict(set)
    for page_id, framework_code, item_code in links.values_list(
        "achievementpage_id", "frameworkitem__framework__code", "frameworkitem__code"
    ):
        competences[page_id].add(competence_value(framework_code, item_code))
        frameworks[page_id].add(framework_code)
    for row in rows:
        row["competence"] = competences.get(row["pk"], set())
        row["framework"] = frameworks.get(row["pk"], set())
    return rows


def _competence_choices(values, locale):
    pairs = [parse_competence_value(value) for value in values]
    items = FrameworkItem.objects.filter(
        framework__code__in={framework for framework, _code in pairs}, code__in={code for _framework, code in pairs}
    ).select_related("framework", "parent__parent")
    names = {}
    for item in items:
        value = item_value(item)
        if value in values and (item.locale_id == locale.pk or value not in names):
            names[value] = (framework_order(item), f"{item.framework.code} {item.code} · {item.name}")
    return [(value, label) for value, (_order, label) in sorted(names.items(), key=lambda pair: pair[1][0])]


def catalogue_context(index, request):
    from .models import AchievementPage

    rows = _rows(index)
    keys = set().union(*(row["competence"] for row in rows)) if rows else set()
    codes = set().union(*(row["framework"] for row in rows)) if rows else set()
    framework_choices = [
        (framework.code, framework.name)
        for framework in Framework.objects.filter(locale=index.locale, code__in=codes).order_by("sort_order")
    ]
    finder = FacetedFilter(
        request.GET,
        rows,
        facets=[
            Facet("framework", _("Framework"), framework_choices),
            Facet("competence", _("Competence"), _competence_choices(keys, index.locale)),
        ],
    )
    page_obj = paginate(request, [row["pk"] for row in finder.results], PER_PAGE)
    page_obj.object_list = in_order(
        AchievementPage.objects.filter(locale=index.locale).select_related("image", "partner"),
        list(page_obj.object_list),
    )
    return {
        "finder": finder,
        "badges": page_obj,
        "total": len(rows),
        "robots_noindex": finder.is_filtered or "page" in request.GET,
    }
