"""Shared state and helpers for the demo builders: locales, keys, upserts."""

from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.conf.locale import LANG_INFO
from wagtail.models import Locale, Page

from core.languages import draft_translation

from . import streams
from .translate import translate


class DemoDataError(Exception):
    pass


def written_languages(entry):
    """The configured languages that `entry` (demo data keyed by language code) has text in,
    in the configured order: a language added to LANGUAGES has none until someone writes it."""
    return [code for code, _name in settings.LANGUAGES if code in entry]


def language_keys(entry):
    """The keys of `entry` that are language codes (its texts), configured or not."""
    return {key for key in entry if key in LANG_INFO}


def load_yaml(app_label, name):
    path = Path(apps.get_app_config(app_label).path) / "demo" / name
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class DemoContext:
    def __init__(self, stdout=None, scale=1):
        self.stdout = stdout
        self.scale = scale
        self.default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        codes = [code for code, _name in settings.LANGUAGES]
        locales = Locale.objects.filter(language_code__in=codes)
        self.locales = {
            locale.language_code: locale for locale in sorted(locales, key=lambda x: codes.index(x.language_code))
        }
        self.pages = {}
        self.images = {}
        self.objects = {}

    @property
    def other_locales(self):
        return {code: locale for code, locale in self.locales.items() if code != settings.LANGUAGE_CODE}

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def resolve(self, kind, key):
        registry = {"page": self.pages, "image": self.images}[kind]
        if key not in registry:
            raise DemoDataError(f"The demo data refers to the {kind} {key!r}, which has not been built yet.")
        return registry[key].pk

    # Field values -------------------------------------------------------------

    def field_values(self, model, key, values):
        """Model field values from demo data: StreamFields become raw streams with stable ids."""
        from wagtail.fields import StreamField

        prepared = {}
        for name, value in values.items():
            field = model._meta.get_field(name)
            if isinstance(field, StreamField):
                value = field.to_python(streams.raw_stream(field.stream_block, value, f"{key}/{name}", self.resolve))
            prepared[name] = value
        return prepared

    # Pages --------------------------------------------------------------------

    def upsert_page(self, key, model, parent, values, **extra):
        """Create or update the default-language page `key` under `parent`, published."""
        fields = self.field_values(model, key, values) | extra
        page = model.objects.child_of(parent).filter(locale=self.default_locale, slug=fields["slug"]).first()
        if page is None:
            page = model(locale=self.default_locale, **fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"  created {model._meta.verbose_name} “{page.title}”")
        else:
            changed = False
            for name, value in fields.items():
                if _differs(getattr(page, name), value):
                    setattr(page, name, value)
                    changed = True
            if changed or not page.live:
                page.save_revision().publish()
                page.refresh_from_db()
        self.pages[key] = page
        return page

    def written_in(self, data):
        """The other configured languages that `data` (keyed by language code) has text in."""
        return [code for code in self.other_locales if code in data]

    def translate_page(self, key, page, translations):
        """Translate a page into every other language from per-language values. A language
        the demo data has no text in (one added to LANGUAGES) gets an untranslated draft,
        ready for translators, as `manage.py setup_languages` makes them."""
        model = page.specific_class
        targets = {}
        for code, locale in self.other_locales.items():
            if code not in translations:
                self.pages[f"{key}@{code}"] = draft_translation(page, locale) or page.get_translation(locale).specific
                continue
            values = self.field_values(model, key, translations[code])
            targets[locale] = model(locale=locale, **values)
        translated = translate(page, targets)
        for locale, target in zip(targets, translated, strict=True):
            self.pages[f"{key}@{locale.language_code}"] = target
        return translated

    def page_in_all_languages(self, key, model, parent, data, **extra):
        """Build a page from a {lang: values} mapping and translate it. The parent
        must already be translated (or drafted)."""
        page = self.upsert_page(key, model, parent, data[settings.LANGUAGE_CODE], **extra)
        self.translate_page(key, page, {code: data[code] for code in self.written_in(data)})
        return page

    # Snippets -----------------------------------------------------------------

    def snippet_in_all_languages(self, key, model, lookup, data, **synced):
        """Create or update a translatable snippet in the default language, found by
        `lookup`, and translate it from per-language values."""
        values = self.field_values(model, key, data[settings.LANGUAGE_CODE]) | synced
        obj = model.objects.filter(locale=self.default_locale, **lookup).first()
        if obj is None:
            obj = model(locale=self.default_locale, **lookup, **values)
            obj.save()
        else:
            if any(_differs(getattr(obj, name), value) for name, value in values.items()):
                for name, value in values.items():
                    setattr(obj, name, value)
                obj.save()
        # A language the demo data has no text in gets no translation: the site shows the
        # source language's (translators add it in the admin).
        targets = {}
        for code in self.written_in(data):
            locale = self.locales[code]
            translated_values = self.field_values(model, key, data[code])
            targets[locale] = model(locale=locale, **lookup, **synced, **translated_values)
        translate(obj, targets)
        self.objects[key] = obj
        return obj


def _differs(current, new):
    from wagtail.blocks import StreamValue

    if isinstance(current, StreamValue) and isinstance(new, StreamValue):
        return current.get_prep_value() != new.get_prep_value()
    return current != new


def root_page():
    return Page.get_first_root_node()
