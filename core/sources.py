"""Facts stored once for every language of a page: on its source page.

Some facts must never differ between the translations of a page: an event's
capacity, registration window and status, a publication's printed copies and
its editions. wagtail-localize keeps synchronised fields equal only while a
translation stays synced: once an editor stops the translation of a copy, each
of its fields can be edited and published, and the fact would fork.

So such a fact is edited on, and read from, the *source page* only, for every
language. The source page of a translation key is, in order:

1. the page the others were translated from: the locale of the oldest
   wagtail-localize TranslationSource recorded for the key (the original);
2. when no translation source is recorded, the page in the default language;
3. else the oldest page of the key.

Aliases are never a source. The translations' own columns hold a copy that is
never read (models refresh it when the source is saved, so that a new source,
after a deletion, starts from the current facts).

- `source_rows(model, keys, fields)` reads the facts of many pages in one query.
- `SourceOnlyFieldsForm` drops those fields (and child formsets) from the page
  form of a translation: they cannot be typed there, even after "stop translation".
- `SourceFieldPanel` / `SourceInlinePanel` show them read-only on a translation,
  with a link to the source page where they are edited.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, Panel
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource


def _source_first(queryset):
    """`queryset` ordered so that, for each translation key, its source page comes first."""
    origin = (
        TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id"))
        .order_by("created_at")
        .values("created_at")[:1]
    )
    default_locale = Locale.get_default().pk
    return (
        queryset.filter(alias_of__isnull=True)
        .annotate(
            source_since=Subquery(origin),
            in_default_language=Case(
                When(locale_id=default_locale, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .order_by(F("source_since").asc(nulls_last=True), "in_default_language", "pk")
    )


def source_rows(model, keys, fields):
    """{translation key: {"pk": source page id, field: value…}} for each key that has a page (one query)."""
    rows = {}
    for row in _source_first(model.objects.filter(translation_key__in=list(keys))).values(
        "pk", "translation_key", *fields
    ):
        rows.setdefault(row["translation_key"], row)
    return rows


def source_page(page):
    """The source page of `page` (specific), `page` itself when it is the source or not saved yet."""
    if page.pk is None:
        return page
    model = type(page)
    found = _source_first(model.objects.filter(translation_key=page.translation_key)).first()
    if found is None or found.pk == page.pk:
        return page
    return found


def is_source(page):
    return page.pk is None or source_page(page).pk == page.pk


# Admin -----------------------------------------------------------------------------


class SourceOnlyFieldsForm(WagtailAdminPageForm):
    """A page form that, for a translation, leaves out `source_only_fields` and the
    child formsets named in `source_only_formsets`: what is not in the form cannot
    be changed, so the translation keeps the facts of its source page."""

    source_only_fields = ()
    source_only_formsets = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.edits_translation = not is_source(self.instance)
        if self.edits_translation:
            for name in self.source_only_fields:
                self.fields.pop(name, None)
            for name in self.source_only_formsets:
                self.formsets.pop(name, None)


def _source_note(page):
    source = source_page(page)
    code = source.locale.language_code
    language = dict(settings.LANGUAGES).get(code, code)
    return format_html(
        '{} <a href="{}">{}</a>',
        _("The same in every language."),
        reverse("wagtailadmin_pages:edit", args=[source.pk]),
        _("Edit it on the source page (%(language)s).") % {"language": language},
    )


class SourceFieldPanel(FieldPanel):
    """A field edited on the source page; read-only on a translation (whose form
    leaves it out), showing the source's value."""

    def format_value_for_display(self, value):
        if value is None:
            return "—"
        if isinstance(value, datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return super().format_value_for_display(value)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None and self.instance is not None:
                self.read_only = True
                self.heading = self.panel.heading or capfirst(self.panel.db_field.verbose_name)
                self.help_text = _source_note(self.instance)

        @cached_property
        def value_from_instance(self):
            if self.read_only and self.instance.pk:
                return getattr(source_page(self.instance), self.field_name)
            return getattr(self.instance, self.field_name)


class SourceNotePanel(Panel.BoundPanel):
    """On a translation: what the source page holds, with a link to edit it there."""

    template_name = "core/admin/source_only_panel.html"

    def __init__(self, items=(), **kwargs):
        super().__init__(**kwargs)
        self.items = list(items)
        self.help_text = _source_note(self.instance)


class SourceInlinePanel(InlinePanel):
    """Child objects edited on the source page; listed read-only on a translation,
    whose form has no formset for them."""

    def get_bound_panel(self, instance=None, request=None, form=None, prefix="panel"):
        if form is not None and self.relation_name not in form.formsets and instance is not None:
            items = [str(item) for item in getattr(source_page(instance), self.relation_name).all()]
            return SourceNotePanel(
                panel=self, instance=instance, request=request, form=form, prefix=prefix, items=items
            )
        return super().get_bound_panel(instance=instance, request=request, form=form, prefix=prefix)
