"""The translation status of every page and snippet in every language.

Statuses, from worst to best:
- missing: no version in that language;
- draft: a version exists but is not live;
- outdated: the source changed after the translation was last synchronised;
- machine: machine-translated text that no coordinator has reviewed;
- translated: translated by people, up to date, not formally reviewed;
- reviewed: approved by a coordinator since the last synchronisation;
- source: the original that the others are translated from.

A fixed number of queries per model, whatever the number of objects.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, TranslationSource

from .models import TranslationReview

MISSING, DRAFT, OUTDATED, MACHINE, TRANSLATED, REVIEWED, SOURCE = (
    "missing",
    "draft",
    "outdated",
    "machine",
    "translated",
    "reviewed",
    "source",
)
LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    OUTDATED: _("Out of date"),
    MACHINE: _("Machine translation, not reviewed"),
    TRANSLATED: _("Translated"),
    REVIEWED: _("Reviewed"),
    SOURCE: _("Source"),
}


@dataclass
class StatusRow:
    kind: str
    title: str
    statuses: dict = field(default_factory=dict)  # language code -> status
    edit_urls: dict = field(default_factory=dict)

    def __getattr__(self, name):
        # Lets the spreadsheet export read one column per language (row.en, row.fr…).
        statuses = self.__dict__.get("statuses", {})
        if name in statuses:
            return str(LABELS[statuses[name]])
        raise AttributeError(name)

    def cells(self, languages):
        return [
            (code, self.statuses[code], LABELS[self.statuses[code]], self.edit_urls.get(code)) for code in languages
        ]


def _sources_by_key(keys):
    sources = {}
    for source in TranslationSource.objects.filter(object_id__in=keys).select_related("locale"):
        sources[source.object_id] = source
    return sources


def _machine_pairs(keys):
    return set(
        StringTranslation.objects.filter(
            context__object_id__in=keys, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
        )
        .values_list("context__object_id", "locale_id")
        .distinct()
    )


def _status(obj, source, *, changed_since_sync, machine, reviewed_at, live=True):
    if source is not None and obj.locale_id == source.locale_id:
        return SOURCE
    if source is None and obj.locale.language_code == settings.LANGUAGE_CODE:
        return SOURCE
    if not live:
        return DRAFT
    if changed_since_sync:
        return OUTDATED
    if reviewed_at is not None and (source is None or reviewed_at >= source.last_updated_at):
        return REVIEWED
    if machine:
        return MACHINE
    return TRANSLATED


def page_rows(locales):
    pages = (
        Page.objects.filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale", "content_type")
        .order_by("path")
    )
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    keys = list(groups)
    sources = _sources_by_key(keys)
    machine = _machine_pairs(keys)
    reviews = dict(
        TranslationReview.objects.values("page_id").annotate(last=Max("reviewed_at")).values_list("page_id", "last")
    )
    rows = []
    for key, versions in groups.items():
        source = sources.get(key)
        by_locale = {page.locale_id: page for page in versions}
        original = by_locale.get(source.locale_id) if source else versions[0]
        original = original or versions[0]
        changed = bool(
            source
            and original.latest_revision_created_at
            and original.latest_revision_created_at > source.last_updated_at
        )
        row = StatusRow(kind=str(original.content_type.model_class()._meta.verbose_name), title=original.title)
        for locale in locales:
            page = by_locale.get(locale.pk)
            if page is None:
                row.statuses[locale.language_code] = MISSING
                continue
            row.statuses[locale.language_code] = _status(
                page,
                source,
                changed_since_sync=changed,
                machine=(key, locale.pk) in machine,
                reviewed_at=reviews.get(page.pk),
                live=page.live,
            )
            row.edit_urls[locale.language_code] = reverse("wagtailadmin_pages:edit", args=[page.pk])
        rows.append(row)
    return rows


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _serialized(obj):
    if isinstance(obj, ClusterableModel):
        return json.loads(obj.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(obj), cls=DjangoJSONEncoder))


def _content_changed(original, source):
    """Whether the source object differs from what was last sent for translation
    (ignoring the primary key and the sync timestamps)."""
    current = _serialized(original)
    frozen = json.loads(source.content_json)
    for volatile in ("pk", "id"):
        current.pop(volatile, None)
        frozen.pop(volatile, None)
    return current != frozen


def snippet_rows(locales):
    rows = []
    for model in translatable_snippet_models():
        objects = list(model.objects.select_related("locale"))
        groups = {}
        for obj in objects:
            groups.setdefault(obj.translation_key, []).append(obj)
        keys = list(groups)
        sources = _sources_by_key(keys)
        machine = _machine_pairs(keys)
        for key, versions in groups.items():
            source = sources.get(key)
            by_locale = {obj.locale_id: obj for obj in versions}
            original = (by_locale.get(source.locale_id) if source else None) or versions[0]
            changed = bool(source and _content_changed(original, source))
            row = StatusRow(kind=str(model._meta.verbose_name), title=str(original))
            for locale in locales:
                obj = by_locale.get(locale.pk)
                row.statuses[locale.language_code] = (
                    MISSING
                    if obj is None
                    else _status(
                        obj, source, changed_since_sync=changed, machine=(key, locale.pk) in machine, reviewed_at=None
                    )
                )
            rows.append(row)
    return rows


def status_matrix():
    """(languages, rows) for every page and translatable snippet."""
    order = [code for code, _name in settings.LANGUAGES]
    locales = sorted(
        Locale.objects.all(),
        key=lambda locale: order.index(locale.language_code) if locale.language_code in order else len(order),
    )
    languages = [locale.language_code for locale in locales]
    return languages, page_rows(locales) + snippet_rows(locales)
