"""The languages the tests run in, read from the settings and the demo data, never listed.

- CONFIGURED: the site's languages (settings.LANGUAGES), the source language first;
- WRITTEN: those the demo is written in (its data has their text), so that their pages are live;
- WRITTEN_TRANSLATIONS: the same without the source language;
- UNWRITTEN: configured languages the demo has no text in (e.g. German when CI adds it with
  LANGUAGES=en,fr,nl,de): their pages are untranslated drafts.
"""

from django.conf import settings

from demo.context import load_yaml, written_languages

SOURCE = settings.LANGUAGE_CODE
CONFIGURED = [code for code, _name in settings.LANGUAGES]
WRITTEN = written_languages(load_yaml("home", "pages.yaml")["home"])
WRITTEN_TRANSLATIONS = [code for code in WRITTEN if code != SOURCE]
UNWRITTEN = [code for code in CONFIGURED if code not in WRITTEN]
OTHERS = [code for code in CONFIGURED if code != SOURCE]


def unconfigured_language():
    """A language Django knows that the site is not configured for (to add one in a test)."""
    from django.conf import global_settings

    return next(code for code, _name in global_settings.LANGUAGES if "-" not in code and code not in CONFIGURED)
