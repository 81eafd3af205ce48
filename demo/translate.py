"""Translate demo objects through wagtail-localize, as an editor would.

The source object is extracted into a TranslationSource; each target language's
text, written in the demo data, is stored as StringTranslations of the source's
segments; wagtail-localize then creates or updates the translated object. The
result is a real synced translation: editors see it in the translation editor
and it follows later changes of the source.
"""

import json
from collections import defaultdict

from django.db import transaction
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class DemoTranslationError(Exception):
    pass


def _strings_by_path(instance):
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def segment_pairs(source_instance, translated_instance):
    """{(path, source text): translated text} for two versions of one object.

    Both must have the same structure (the same fields filled, the same blocks);
    anything else is a mistake in the demo data and is reported by its path.
    """
    source = _strings_by_path(source_instance)
    target = _strings_by_path(translated_instance)
    pairs = {}
    for path in source.keys() | target.keys():
        if len(source.get(path, [])) != len(target.get(path, [])):
            raise DemoTranslationError(
                f"{source_instance!r}: {path} has {len(source.get(path, []))} text segments in the source "
                f"but {len(target.get(path, []))} in the {translated_instance.locale} translation"
            )
        for original, translated in zip(source[path], target[path], strict=True):
            pairs[(path, original)] = translated
    return pairs


@transaction.atomic
def translate(instance, translations):
    """Create or update the translations of a saved source object.

    `translations` maps each target Locale to an unsaved instance of the same
    model that holds that language's text. Returns the translated objects.
    A translation whose source and text have not changed is left as it is, so
    reloading the demo adds no revisions.
    """
    # From the database: the caller's copy may predate its publication.
    instance = type(instance).objects.get(pk=instance.pk)
    previous = (
        TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id)
        .values_list("content_json", flat=True)
        .first()
    )
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    source_changed = previous is None or _content(previous) != _content(source.content_json)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    results = []
    for locale, translated_instance in translations.items():
        pairs = segment_pairs(instance, translated_instance)
        Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
        text_changed = _store_strings(segments, pairs, locale)
        existing = instance.get_translation_or_none(locale)
        if existing is not None and not (source_changed or text_changed) and getattr(existing, "live", True):
            results.append(existing.specific if isinstance(existing, Page) else existing)
            continue
        is_draftable = isinstance(instance, Page | DraftStateMixin)
        translated, _created = source.create_or_update_translation(locale, publish=not is_draftable, fallback=False)
        if is_draftable:
            # Published here, not on commit, so that a caller inside a larger
            # transaction (the whole demo load, or a test) sees it live at once.
            translated.get_latest_revision().publish()
            translated.refresh_from_db()
        results.append(translated)
    return results


# Page bookkeeping that changes with publishing and children, not with content.
_BOOKKEEPING = {
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "has_unpublished_changes",
    "numchild",
    "draft_title",
}


def _content(content_json):
    return {key: value for key, value in json.loads(content_json).items() if key not in _BOOKKEEPING}


def _store_strings(segments, pairs, locale):
    """Save the manual translation of every segment; True if any text changed."""
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            translation_of__in=[segment.string_id for segment in segments], locale=locale
        )
    }
    changed = False
    for segment in segments:
        key = (segment.context.path, segment.string.data)
        if key not in pairs:
            raise DemoTranslationError(f"No {locale} text for {key[0]!r}: {key[1][:60]!r}")
        row = existing.get((segment.string_id, segment.context_id))
        manual = StringTranslation.TRANSLATION_TYPE_MANUAL
        if row is not None and row.data == pairs[key] and row.translation_type == manual:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": pairs[key], "translation_type": manual},
        )
        changed = True
    return changed
