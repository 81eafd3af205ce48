"""The badge catalogue of one language, filtered by framework and competence (core.filters)."""

from collections import defaultdict

from django.utils.translation import gettext as _

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
    for page_id, key, code in links.values_list(
        "achievementpage_id", "frameworkitem__translation_key", "frameworkitem__framework__code"
    ):
        competences[page_id].add(str(key))
        frameworks[page_id].add(code)
    for row in rows:
        row["competence"] = competences.get(row["pk"], set())
        row["framework"] = frameworks.get(row["pk"], set())
    return rows


def _competence_choices(keys, locale):
    names = {}
    for item in FrameworkItem.objects.filter(translation_key__in=keys).select_related("framework"):
        key = str(item.translation_key)
        if item.locale_id == locale.pk or key not in names:
            names[key] = (
                item.framework.sort_order,
                item.sort_order,
                f"{item.framework.code} {item.code} · {item.name}",
            )
    return [(key, label) for key, (_f, _s, label) in sorted(names.items(), key=lambda pair: pair[1])]


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
