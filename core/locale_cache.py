"""Locales looked up by language code once per process, not once per call.

Every page asks for the active locale many times (the footer, the menu, each
`.localized` snippet, each framework term), and Wagtail runs one query per
call. The locales of a site change only when a language is added or removed,
so each process remembers them and forgets them whenever a Locale is saved or
deleted.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager

_by_code = {}
_original_get_for_language = LocaleManager.get_for_language


def _get_for_language(self, language_code):
    code = get_supported_content_language_variant(language_code)
    cached = _by_code.get(code)
    if cached is None:
        cached = _original_get_for_language(self, code)
        _by_code[code] = (cached.pk, cached.language_code)
        return cached
    pk, language = cached
    # A fresh instance each time: callers may not share one mutable object.
    return Locale(pk=pk, language_code=language)


def clear(*args, **kwargs):
    _by_code.clear()


def install():
    LocaleManager.get_for_language = _get_for_language
    post_save.connect(clear, sender=Locale, dispatch_uid="locale-cache-save")
    post_delete.connect(clear, sender=Locale, dispatch_uid="locale-cache-delete")
