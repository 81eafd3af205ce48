"""Locales looked up once per process, not once per call.

Every page asks for the active locale many times (the footer, the menu, each
`.localized` snippet, each framework term), and reads `page.locale` (the
language of its JSON-LD, of its translations…); Wagtail and Django run one
query per call. The locales of a site change only when a language is added or
removed, so each process remembers them and forgets them whenever a Locale is
saved or deleted: `Locale.objects.get_for_language(code)` and the `locale` of
any translatable object (a page, a snippet) then cost no query.
"""

from django.apps import apps
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager

_by_code = {}
_codes_by_pk = {}
_original_get_for_language = LocaleManager.get_for_language


def _locale(pk, language_code):
    # A fresh instance each time: callers may not share one mutable object.
    return Locale.from_db("default", ["id", "language_code"], [pk, language_code])


def _get_for_language(self, language_code):
    code = get_supported_content_language_variant(language_code)
    cached = _by_code.get(code)
    if cached is None:
        cached = _original_get_for_language(self, code)
        _by_code[code] = (cached.pk, cached.language_code)
        return cached
    return _locale(*cached)


def by_pk(pk):
    """The Locale with this primary key, or None if there is none (all are read at once)."""
    if not _codes_by_pk:
        _codes_by_pk.update(Locale.objects.values_list("pk", "language_code"))
    code = _codes_by_pk.get(pk)
    return None if code is None else _locale(pk, code)


class _LocaleDescriptor(ForwardManyToOneDescriptor):
    """`obj.locale` from the process's locales rather than a query."""

    def get_object(self, instance):
        locale = by_pk(getattr(instance, self.field.attname))
        return locale if locale is not None else super().get_object(instance)


def clear(*args, **kwargs):
    _by_code.clear()
    _codes_by_pk.clear()


def install():
    LocaleManager.get_for_language = _get_for_language
    for model in apps.get_models():
        for field in model._meta.local_concrete_fields:
            descriptor = model.__dict__.get(field.name)
            if field.many_to_one and field.related_model is Locale and type(descriptor) is ForwardManyToOneDescriptor:
                descriptor.__class__ = _LocaleDescriptor
    post_save.connect(clear, sender=Locale, dispatch_uid="locale-cache-save")
    post_delete.connect(clear, sender=Locale, dispatch_uid="locale-cache-delete")
