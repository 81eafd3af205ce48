"""Demo content: the “Courses” section with ENTR21's two courses and a train-the-trainer course,
and the two example badges they lead to, in every language, all flagged as examples."""

from django.conf import settings

from badges.models import AchievementPage
from competences.models import FrameworkItem
from demo.context import DemoDataError, load_yaml
from partners.models import Partner

from ..completions import setup_trainers
from ..models import CourseIndexPage, CoursePage

ISSUER = "Mentor vzw"  # ENTR21's badges are issued in this partner's name (badges/demo)


def _items(ctx):
    return {
        f"{item.framework.code} {item.code}": item
        for item in FrameworkItem.objects.filter(locale=ctx.default_locale).select_related("framework")
    }


def _item(items, ref):
    if ref not in items:
        raise DemoDataError(f"The demo courses name an unknown competence: {ref!r}")
    return items[ref]


def build_badges(ctx, data, items):
    partner = Partner.objects.filter(locale=ctx.default_locale, name=ISSUER).first()
    for entry in data["badges"]:
        key = f"badge-course:{entry['key']}"
        extra = {"achievement_type": entry["type"], "partner": partner, "is_example": True}
        page = ctx.upsert_page(key, AchievementPage, ctx.pages["badges"], entry[settings.LANGUAGE_CODE], **extra)
        wanted = [_item(items, ref) for ref in entry["competences"]]
        if set(page.competences.values_list("pk", flat=True)) != {item.pk for item in wanted}:
            page.competences.set(wanted)
            page.save_revision().publish()
            page.refresh_from_db()
        ctx.translate_page(key, page, {code: entry[code] for code in ctx.other_locales})


def _values(entry, code, items):
    text = entry[code]
    modules = []
    for module, words in zip(entry["modules"], text["modules"], strict=True):
        modules.append(
            {
                "module": {
                    "title": words["title"],
                    "description": words.get("description", ""),
                    "duration_minutes": module["minutes"],
                    "outcomes": [_item(items, ref).pk for ref in module["outcomes"]],
                    "methods": module["methods"],
                    "films": module["films"],
                }
            }
        )
    return {key: value for key, value in text.items() if key != "modules"} | {"modules": modules}


def build_courses(ctx):
    data = load_yaml("courses", "courses.yaml")
    items = _items(ctx)
    setup_trainers()
    build_badges(ctx, data, items)
    index = ctx.page_in_all_languages("courses", CourseIndexPage, ctx.pages["home"], data["index"], show_in_menus=True)
    partner = Partner.objects.filter(locale=ctx.default_locale, name=ISSUER).first()
    for entry in data["courses"]:
        key = f"course:{entry['key']}"
        badge = ctx.pages.get(entry["badge"])
        if badge is None:
            raise DemoDataError(f"The demo course {entry['key']!r} leads to an unknown badge: {entry['badge']!r}")
        extra = {"badge": badge, "partner": partner, "is_example": True}
        page = ctx.upsert_page(key, CoursePage, index, _values(entry, settings.LANGUAGE_CODE, items), **extra)
        outcomes = {_item(items, ref).pk for module in entry["modules"] for ref in module["outcomes"]}
        if set(page.competences.values_list("pk", flat=True)) != outcomes:
            page.competences.set(outcomes)
            page.save_revision().publish()
            page.refresh_from_db()
        ctx.translate_page(key, page, {code: _values(entry, code, items) for code in ctx.other_locales})
    ctx.log(f"  {len(data['courses'])} example courses in every language")


# After the questionnaires (97): the first course uses the example ENTR21 items they add.
STEPS = [(98, build_courses)]
