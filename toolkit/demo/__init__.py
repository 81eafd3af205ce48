"""Demo content: the toolkit and its training methods in English, French and Dutch.

The methods were written for this platform, after the approaches of the source
projects (strengths-based work, outreach, job-application training, company
visits, open-badge self-assessment, action planning, SME mentoring...), so every
one is flagged as an example (core/examples.py). They are translated through
wagtail-localize, as an editor would.

With `load_demo --scale N`, (N-1) numbered copies of every method are added for
benchmarks, written cheaply by `demo.scaled` (same translation key, the
same translated text with a number in the title).
"""

import json

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from competences.models import FrameworkItem
from core.licences import Licence
from demo.context import DemoDataError, load_yaml, written_languages
from demo.scaled import ScaledCopies
from partners.models import Partner, Project
from toolkit.models import Language, ToolkitIndexPage, ToolPage

TEXT_FIELDS = ("title", "slug", "intro", "summary", "preparation", "facilitator_tips", "variations", "evaluation")


def load_methods():
    return load_yaml("toolkit", "methods.yaml")


def method_values(entry, code):
    """The field values of one method in one language, from its demo entry."""
    text = entry[code]
    minutes = entry["step_minutes"]
    if len(text["steps"]) != len(minutes):
        raise DemoDataError(
            f"Method {entry['key']!r} ({code}): {len(text['steps'])} steps but {len(minutes)} step durations."
        )
    values = {name: text[name] for name in TEXT_FIELDS}
    values["aims"] = "\n".join(text["aims"])
    values["materials"] = "\n".join(text["materials"])
    values["steps"] = [
        {"step": {"title": step["title"], "text": step["text"], "minutes": step_minutes}}
        for step, step_minutes in zip(text["steps"], minutes, strict=True)
    ]
    return values


def worksheet_document(entry, code, label):
    """A plain-text participant sheet in one language (created once, found by title)."""
    text = entry[code]
    title = f"{text['title']} – {label}"
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        lines = [text["title"], label, ""]
        lines += [f"[ ] {material}" for material in text["materials"]]
        lines.append("")
        for number, step in enumerate(text["steps"], start=1):
            lines += [f"{number}. {step['title']}", "", "_" * 60, "_" * 60, ""]
        content = "\n".join(lines).encode("utf-8")
        document = document_model(title=title)
        name = f"documents/toolkit-{text['slug']}.txt"
        storage = document.file.storage
        # Reuse the file a previous load left behind (every test session builds the demo
        # afresh), rather than piling up renamed copies.
        if storage.exists(name) and storage.open(name).read() == content:
            document.file.name = name
        else:
            document.file.save(name.removeprefix("documents/"), ContentFile(content), save=False)
        document.save()
    return document


def attach_worksheets(ctx, page, documents):
    """Point each translation's worksheet at its own language's document, as a
    translator would by overriding the document segment in the translation editor."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if not segment.context.path.startswith("worksheets."):
            continue
        for code, locale in ctx.other_locales.items():
            if code not in documents:
                continue
            SegmentOverride.objects.update_or_create(
                locale=locale, context=segment.context, defaults={"data_json": json.dumps(documents[code].pk)}
            )


def synced_values(entry):
    return {
        "target_groups": entry["target_groups"],
        "setting": entry["setting"],
        "duration_minutes": entry["duration"],
        "group_size_min": entry["group_size"][0],
        "group_size_max": entry["group_size"][1],
        "languages": entry.get("languages", [code for code in written_languages(entry) if code in Language.values]),
        "licence": entry.get("licence", Licence.CC_BY),
        # Written for the demo after the projects' approaches: examples unless the data say otherwise.
        "is_example": entry.get("is_example", True),
    }


class _Lookups:
    """Competences, projects and partners by their demo names, per language (a few queries)."""

    def __init__(self, ctx):
        self.items = {
            f"{item.framework.code} {item.code}": item
            for item in FrameworkItem.objects.filter(locale=ctx.default_locale).select_related("framework")
        }
        self.projects = {(p.acronym, p.locale_id): p for p in Project.objects.all()}
        self.partners = {(p.name, p.locale_id): p for p in Partner.objects.all()}

    def competences(self, entry):
        missing = [ref for ref in entry["competences"] if ref not in self.items]
        if missing:
            raise DemoDataError(f"Method {entry['key']!r} links unknown competences: {missing}")
        return [self.items[ref] for ref in entry["competences"]]

    def project(self, entry, locale):
        return self.projects.get((entry["project"], locale.pk)) if entry.get("project") else None

    def partner(self, entry, locale):
        return self.partners.get((entry["partner"], locale.pk)) if entry.get("partner") else None


def build_toolkit(ctx):
    data = load_methods()
    index = ctx.page_in_all_languages("toolkit", ToolkitIndexPage, ctx.pages["home"], data["index"], show_in_menus=True)
    lookups = _Lookups(ctx)
    for entry in data["methods"]:
        key = f"method:{entry['key']}"
        extra = synced_values(entry) | {
            "source_project": lookups.project(entry, ctx.default_locale),
            "partner": lookups.partner(entry, ctx.default_locale),
        }
        values = {code: method_values(entry, code) for code in written_languages(entry)}
        documents = {}
        if entry.get("worksheet"):
            documents = {
                code: worksheet_document(entry, code, data["worksheet_labels"][code])
                for code in written_languages(entry)
            }
            # Every language starts from the same structure; translations then override the document.
            for code in written_languages(entry):
                label = data["worksheet_labels"][code]
                values[code]["worksheets"] = [
                    {"worksheet": {"document": documents["en"].pk, "title": label[:1].upper() + label[1:]}}
                ]
        page = ctx.upsert_page(key, ToolPage, index, values["en"], **extra)
        wanted = lookups.competences(entry)
        if set(page.competences.values_list("pk", flat=True)) != {item.pk for item in wanted}:
            page.competences.set(wanted)
            page.save_revision().publish()
            page.refresh_from_db()
        if documents:
            attach_worksheets(ctx, page, documents)
        # Translations get the competences (synchronised) and the localized project and partner.
        ctx.translate_page(key, page, {code: values[code] for code in ctx.written_in(values)})
    ctx.log(f"  {len(data['methods'])} training methods in every language")
    if ctx.scale > 1:
        added = add_variants(ctx, index, data["methods"], range(2, ctx.scale + 1), lookups)
        ctx.log(f"  {added} numbered copies of methods (scale {ctx.scale}) in every language")


def add_variants(ctx, index, entries, numbers, lookups=None):
    """Numbered copies of the demo methods in every language (demo.scaled). Idempotent.

    Returns how many methods were added (per language).
    """
    lookups = lookups or _Lookups(ctx)
    copies = ScaledCopies(ctx, ToolPage, index)
    for number in numbers:
        for entry in entries:
            if copies.exists(f"{entry['en']['slug']}-{number}"):
                continue
            values = {}
            for code, parent in copies.parents.items():
                fields = ctx.field_values(ToolPage, f"method:{entry['key']}", method_values(entry, code))
                fields["title"] = f"{fields['title']} ({number})"
                fields["slug"] = f"{fields['slug']}-{number}"
                fields["source_project"] = lookups.project(entry, parent.locale)
                fields["partner"] = lookups.partner(entry, parent.locale)
                values[code] = fields | synced_values(entry)
            copies.add(values, competences=lookups.competences(entry))
    return copies.save()


STEPS = [(30, build_toolkit)]
