"""Demo content: the competence frameworks, their items in every language, and the crosswalk.

The data file is the app's own (competences/data/frameworks.yaml), not demo-only:
the frameworks are real reference data; only the items marked is_example are demo.
"""

from pathlib import Path

import yaml
from django.apps import apps

from competences.models import Alignment, Framework, FrameworkItem
from demo.context import written_languages

FRAMEWORK_SYNCED = ("licence", "website", "uri_base", "is_unverified", "sort_order")
ITEM_SYNCED = ("level", "uri", "is_example")


def load_frameworks_data():
    path = Path(apps.get_app_config("competences").path) / "data" / "frameworks.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _texts(entry):
    return {code: entry[code] for code in written_languages(entry)}


def build_frameworks(ctx):
    for entry in load_frameworks_data()["frameworks"]:
        synced = {key: entry[key] for key in FRAMEWORK_SYNCED if key in entry}
        framework = ctx.snippet_in_all_languages(
            f"framework:{entry['code']}", Framework, {"code": entry["code"]}, _texts(entry), **synced
        )
        # Parents are built (and translated) before their children: wagtail-localize
        # needs the parent's translation to point the child's translation at it.
        _build_items(ctx, framework, None, entry.get("items", []))
    count = FrameworkItem.objects.filter(locale=ctx.default_locale).count()
    ctx.log(
        f"  {Framework.objects.filter(locale=ctx.default_locale).count()} frameworks, {count} items in every language"
    )


def _build_items(ctx, framework, parent, entries):
    for position, entry in enumerate(entries, start=1):
        synced = {key: entry[key] for key in ITEM_SYNCED if key in entry}
        synced.setdefault("is_example", False)
        synced.setdefault("uri", "")
        item = ctx.snippet_in_all_languages(
            f"item:{framework.code}:{entry['code']}",
            FrameworkItem,
            {"framework": framework, "code": str(entry["code"])},
            _texts(entry),
            parent=parent,
            sort_order=position,
            **synced,
        )
        _build_items(ctx, framework, item, entry.get("items", []))


def build_alignments(ctx):
    alignments = load_frameworks_data()["alignments"]
    for entry in alignments:
        Alignment.objects.update_or_create(
            source=_item(ctx, entry["source"]),
            target=_item(ctx, entry["target"]),
            defaults={
                "relation": entry["relation"],
                "note": entry.get("note", ""),
                # Proposed for the demo: shown as proposed until a coordinator confirms them.
                "approved": entry.get("approved", False),
                "is_example": entry.get("is_example", True),
            },
        )
    ctx.log(f"  {len(alignments)} alignments between frameworks")


def _item(ctx, reference):
    framework_code, item_code = reference.split(" ", 1)
    return FrameworkItem.objects.get(locale=ctx.default_locale, framework__code=framework_code, code=item_code)


STEPS = [(15, build_frameworks), (16, build_alignments)]
