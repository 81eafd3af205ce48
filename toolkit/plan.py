"""The workshop plan: methods a visitor collects, kept in the URL only.

`/plan/?m=12&m=40` lists the methods by page id, in order. No account, no
cookie, nothing stored on the server: the address is the plan, so it can be
bookmarked, printed or sent to a colleague. Ids of any language are accepted
and resolved to the same methods in the current language (by translation key),
so a plan shared from the English site opens in French.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page

from core import languages
from core.filters import positive_integer, shorten

from .models import PLAN_PARAM, group_size_text

MAX_METHODS = 30


def _parse(values):
    """(valid ids in order without repeats, rejected raw values)."""
    ids, rejected = [], []
    for raw in values:
        number = positive_integer(raw)
        if number is None:
            rejected.append(raw.strip())
        elif number not in ids:
            ids.append(number)
    return ids, rejected


def plan_ids_from_request(request):
    """The well-formed method ids of the plan in the request, in order (no queries)."""
    ids, _rejected = _parse(request.GET.getlist(PLAN_PARAM))
    return ids[:MAX_METHODS]


def plan_summary(index_page, request, ids, rows):
    """A short summary for the listing's plan bar, from the listing's own records."""
    durations = {row["id"]: row["duration_minutes"] for row in rows}
    return {
        "count": len(ids),
        # Ids from another language's listing are only resolved on the plan page itself.
        "minutes": sum(durations[pk] for pk in ids) if all(pk in durations for pk in ids) else None,
        "url": index_page.plan_url(request, ids),
    }


def resolve(index_page, raw_values):
    """The methods of a plan in the index's language, and messages about what was left out.

    Two queries: the translation keys of the given ids, then the methods.
    """
    from .finding import method_queryset

    messages = []
    ids, rejected = _parse(raw_values)
    for raw in rejected:
        messages.append(_("“%(value)s” is not a method number; it was left out of the plan.") % {"value": shorten(raw)})
    if len(ids) > MAX_METHODS:
        messages.append(_("A plan holds at most %(max)s methods; the others were left out.") % {"max": MAX_METHODS})
        ids = ids[:MAX_METHODS]
    keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    methods = {
        page.translation_key: page for page in method_queryset(index_page).filter(translation_key__in=keys.values())
    }
    result = []
    for pk in ids:
        page = methods.get(keys.get(pk))
        if page is None:
            messages.append(
                _("There is no method number %(id)s in this language; it was left out of the plan.") % {"id": pk}
            )
        elif page not in result:
            result.append(page)
    return result, messages


def merge_materials(methods):
    """Each material once (compared without case), in order of first use, with the methods needing it."""
    merged = {}
    for method in methods:
        for material in method.materials_list:
            entry = merged.setdefault(material.casefold(), {"text": material, "methods": []})
            if method.title not in entry["methods"]:
                entry["methods"].append(method.title)
    return list(merged.values())


def group_fit(methods):
    """The group sizes that suit every method: (largest minimum, smallest maximum, fits)."""
    if not methods:
        return None
    largest_min = max(methods, key=lambda m: m.group_size_min)
    smallest_max = min(methods, key=lambda m: m.group_size_max)
    low, high = largest_min.group_size_min, smallest_max.group_size_max
    fit = {"min": low, "max": high, "fits": low <= high}
    if low <= high:
        fit["label"] = group_size_text(low, high)
    else:
        fit["message"] = _(
            "No group size suits every method: “%(big)s” needs at least %(min)s people, "
            "but “%(small)s” works with at most %(max)s."
        ) % {"big": largest_min.title, "min": low, "small": smallest_max.title, "max": high}
    return fit


def ordered_steps(methods):
    """Every step of every method, in plan order, numbered throughout."""
    steps = []
    number = 0
    for method in methods:
        for block in method.steps:
            number += 1
            steps.append(
                {
                    "number": number,
                    "method": method,
                    "title": block.value["title"],
                    "text": block.value["text"],
                    "minutes": block.value.get("minutes"),
                }
            )
    return steps


def plan_context(index_page, request):
    methods, messages = resolve(index_page, request.GET.getlist(PLAN_PARAM))
    ids = [method.pk for method in methods]
    items = []
    for position, method in enumerate(methods):
        others = [pk for pk in ids if pk != method.pk]
        up = down = None
        if position > 0:
            order = ids.copy()
            order[position - 1], order[position] = order[position], order[position - 1]
            up = index_page.plan_url(request, order)
        if position < len(ids) - 1:
            order = ids.copy()
            order[position + 1], order[position] = order[position], order[position + 1]
            down = index_page.plan_url(request, order)
        items.append(
            {
                "method": method,
                "remove_url": index_page.plan_url(request, others),
                "up_url": up,
                "down_url": down,
            }
        )
    plan_url = index_page.plan_url(request, ids)
    query = plan_url.partition("?")[2]
    # The same plan in the other languages: ids are resolved by translation key there.
    other_languages = [
        {"code": code, "url": f"{page.get_url(request)}plan/" + (f"?{query}" if query else "")}
        for code, page in languages.live_translations(index_page).items()
        if page.pk != index_page.pk
    ]
    return {
        "plan_items": items,
        "plan_methods": methods,
        "plan_messages": messages,
        "plan_ids": ids,
        "total_minutes": sum(method.duration_minutes for method in methods),
        "group_fit": group_fit(methods),
        "materials": merge_materials(methods),
        "steps": ordered_steps(methods),
        "share_url": request.build_absolute_uri(plan_url),
        "plan_url": plan_url,
        "plan_query": query,
        "browse_url": index_page.get_url(request) + (f"?{query}" if query else ""),
        "other_languages": other_languages,
        "noindex": True,
    }
