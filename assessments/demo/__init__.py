"""Demo content: the “Know your skills” section and two example questionnaires (SPOCC and
ENTR21) in every language, with an example ENTR21 framework matched to EntreComp, LifeComp
and ESCO when the framework data has none."""

from django.conf import settings

from competences.models import Alignment, Framework, FrameworkItem
from demo.context import DemoDataError, load_yaml

from ..models import AssessmentIndexPage, QuestionnairePage

LANGUAGES = ("en", "fr", "nl")


def build_entr21_framework(ctx, data):
    """ENTR21's six competences as example items, each a close match of an existing item."""
    spec = data["entr21_framework"]
    own = FrameworkItem.objects.filter(locale=ctx.default_locale, framework__code=spec["code"], is_example=False)
    if own.exists():
        return  # the framework data has ENTR21's own items: use them
    framework = ctx.snippet_in_all_languages(
        f"framework:{spec['code']}",
        Framework,
        {"code": spec["code"]},
        {code: spec[code] for code in LANGUAGES},
        sort_order=90,
        is_unverified=False,
    )
    for position, entry in enumerate(spec["items"], start=1):
        item = ctx.snippet_in_all_languages(
            f"item:{spec['code']}:{entry['code']}",
            FrameworkItem,
            {"framework": framework, "code": entry["code"]},
            {code: {"name": entry[code]} for code in LANGUAGES},
            parent=None,
            level=FrameworkItem.Level.COMPETENCE,
            sort_order=position,
            is_example=True,
            uri="",
        )
        framework_code, item_code = entry["match"].split(" ", 1)
        target = FrameworkItem.objects.filter(
            locale=ctx.default_locale, framework__code=framework_code, code=item_code
        ).first()
        if target is not None:
            Alignment.objects.get_or_create(
                source=item, target=target, defaults={"relation": Alignment.Relation.CLOSE, "note": "Demo example."}
            )


def _items(ctx):
    return {
        f"{item.framework.code} {item.code}": item
        for item in FrameworkItem.objects.filter(locale=ctx.default_locale).select_related("framework")
    }


def _values(entry, code, items, scale):
    def item(ref):
        if ref not in items:
            raise DemoDataError(f"The demo questionnaire {entry['key']!r} names an unknown competence: {ref!r}")
        return items[ref].pk

    return entry[code] | {
        "scale_labels": scale[code],
        "statements": [
            {
                "statement": {
                    "statement": statement[code]["statement"],
                    "hint": statement[code].get("hint", ""),
                    "competence": item(statement["competence"]),
                    "ask_example": True,
                }
            }
            for statement in entry["statements"]
        ],
        "goal_profiles": [
            {
                "goal": {
                    "name": goal[code]["name"],
                    "description": goal[code].get("description", ""),
                    "targets": [{"competence": item(ref), "level": level} for ref, level in goal["targets"].items()],
                }
            }
            for goal in entry.get("goals", [])
        ],
    }


def build_questionnaires(ctx):
    data = load_yaml("assessments", "questionnaires.yaml")
    build_entr21_framework(ctx, data)
    items = _items(ctx)
    index = ctx.page_in_all_languages(
        "assessments", AssessmentIndexPage, ctx.pages["home"], data["index"], show_in_menus=True
    )
    for entry in data["questionnaires"]:
        framework = Framework.objects.get(locale=ctx.default_locale, code=entry["framework"])
        key = f"questionnaire:{entry['key']}"
        extra = {"framework": framework, "minutes": entry["minutes"], "is_example": True}
        page = ctx.upsert_page(
            key, QuestionnairePage, index, _values(entry, settings.LANGUAGE_CODE, items, data["scale"]), **extra
        )
        # The framework is re-pointed at its translation by wagtail-localize; given here only
        # because the page cannot be read without one.
        ctx.translate_page(
            key,
            page,
            {code: _values(entry, code, items, data["scale"]) | {"framework": framework} for code in ctx.other_locales},
        )
    ctx.log(f"  {len(data['questionnaires'])} example questionnaires in every language")


# After the badges (96): the questionnaires' plans point at methods, films and events.
STEPS = [(97, build_questionnaires)]
