"""The site's languages, read from the LANGUAGES environment variable.

`LANGUAGES=en,fr,nl` (the default) lists the language codes, the source language
first. Names come from Django's own language data (`django.conf.locale.LANG_INFO`),
each in its own language ("Français", "Deutsch"), so no table of ours needs a new
row when a language is added.
"""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured


def local_name(code):
    """The language's name in that language, capitalised as at the start of a menu item."""
    name = LANG_INFO[code]["name_local"]
    return name[:1].upper() + name[1:]


def language_settings(codes):
    """Django's LANGUAGES, [(code, name)], from a list of codes: each known to Django, none twice."""
    if not codes:
        raise ImproperlyConfigured("LANGUAGES must name at least one language, e.g. LANGUAGES=en,fr,nl.")
    codes = [code.strip().lower() for code in codes]
    unknown = [code for code in codes if code not in LANG_INFO or "fallback" in LANG_INFO[code]]
    if unknown:
        raise ImproperlyConfigured(f"LANGUAGES: Django does not know the language code(s) {', '.join(unknown)}.")
    if len(set(codes)) != len(codes):
        raise ImproperlyConfigured("LANGUAGES names a language twice.")
    return [(code, local_name(code)) for code in codes]


def search_configs(languages):
    """The PostgreSQL text search configuration to try for each language: its English name
    in lower case ("german", "dutch"), which is how PostgreSQL names those it ships. The
    search backend uses "simple" for any that the database does not have."""
    return {code: LANG_INFO[code]["name"].split(" ")[0].lower() for code, _name in languages}
