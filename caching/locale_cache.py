"""Locales read once per content version, not once per call: the one patch of Wagtail's internals.

Every page asks for the active locale many times (the footer, the menu, each
`.localized` snippet, each framework term) and reads `obj.locale` (the language
of its JSON-LD, of its translations…); Wagtail and Django run one query per
call, and without this a page of the demo costs up to twice the queries. Wagtail
offers no hook for it, so this module replaces two things, and nothing else:

- `LocaleManager.get_for_language` (Wagtail's public manager method), and
- the descriptor of each foreign key to `Locale` (`obj.locale`), whose class
  becomes a subclass of Django's `ForwardManyToOneDescriptor` overriding its
  `get_object` hook.

Both answer from all locales read in one query and kept per content version
(caching/content_version.py): adding, changing or removing a locale moves the
version on, so every process sees it within PAGE_CACHE_CHECK_SECONDS. Without the
page cache (development, tests without it) the lookups query as Wagtail does.

The patch was written for exactly the versions in WRITTEN_FOR. On any other, it
is not installed and the system check `core.E002` fails, so an upgrade is a
deliberate step: check the two APIs above, run tests/test_locale_cache.py, then
update WRITTEN_FOR.
"""

import django
import wagtail
from django.apps import apps
from django.core import checks
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager

from caching.content_version import per_version

WRITTEN_FOR = {"wagtail": "8.0.1", "django": "5.2"}

_original_get_for_language = LocaleManager.get_for_language


def running_versions():
    return {"wagtail": wagtail.__version__, "django": f"{django.VERSION[0]}.{django.VERSION[1]}"}


def written_for_these_versions():
    return running_versions() == WRITTEN_FOR


@per_version
def _all_locales():
    """({language code: pk}, {pk: language code}) of every locale, in one query."""
    rows = list(Locale.objects.values_list("pk", "language_code"))
    return {code: pk for pk, code in rows}, dict(rows)


def _locale(pk, language_code):
    # A fresh instance each time: callers may not share one mutable object.
    return Locale.from_db("default", ["id", "language_code"], [pk, language_code])


def _get_for_language(self, language_code):
    code = get_supported_content_language_variant(language_code)
    pk = _all_locales()[0].get(code)
    if pk is None:
        return _original_get_for_language(self, code)  # raises Locale.DoesNotExist as Wagtail does
    return _locale(pk, code)


def by_pk(pk):
    """The Locale with this primary key, or None if there is none."""
    code = _all_locales()[1].get(pk)
    return None if code is None else _locale(pk, code)


class _LocaleDescriptor(ForwardManyToOneDescriptor):
    """`obj.locale` from the locales read once per content version rather than a query."""

    def get_object(self, instance):
        locale = by_pk(getattr(instance, self.field.attname))
        return locale if locale is not None else super().get_object(instance)


def install():
    if not written_for_these_versions():
        return  # the check below fails instead
    LocaleManager.get_for_language = _get_for_language
    for model in apps.get_models():
        for field in model._meta.local_concrete_fields:
            descriptor = model.__dict__.get(field.name)
            if field.many_to_one and field.related_model is Locale and type(descriptor) is ForwardManyToOneDescriptor:
                descriptor.__class__ = _LocaleDescriptor


def installed():
    return LocaleManager.get_for_language is _get_for_language


@checks.register(checks.Tags.compatibility)
def patch_matches_the_running_versions(app_configs=None, **kwargs):
    if written_for_these_versions():
        return []
    return [
        checks.Error(
            f"caching/locale_cache.py patches Wagtail and Django internals written for {WRITTEN_FOR}, "
            f"but {running_versions()} is running; the patch is off.",
            hint="Check LocaleManager.get_for_language and ForwardManyToOneDescriptor.get_object in the new "
            "versions, run tests/test_locale_cache.py, then update WRITTEN_FOR.",
            id="core.E002",
        )
    ]
