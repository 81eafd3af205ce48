"""How much of the interface text each configured language has, and what it lacks.

The interface strings are those of the project's catalogues (locale/<code>/LC_MESSAGES/
django.po): every msgid any of them holds. For each configured language other than the
source language, the report counts the strings its catalogue translates (fuzzy and
empty entries do not count) and, with --missing, lists the others. A string a catalogue
lacks is shown in the source language (gettext's fallback, string by string), so a
partial catalogue is safe to deploy; this report says what is left to translate.

Read with polib, which the project uses to compile the catalogues (compile_translations),
so no GNU gettext is needed.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DOMAIN = "django.po"


def catalogue_path(code):
    for locale_dir in settings.LOCALE_PATHS:
        path = Path(locale_dir) / code / "LC_MESSAGES" / DOMAIN
        if path.exists():
            return path
    return None


def translated_ids(path):
    """The msgids a catalogue translates: not fuzzy, not obsolete, not empty."""
    if path is None:
        return set()
    return {entry.msgid for entry in polib.pofile(str(path)).translated_entries()}


def all_ids():
    """Every interface string of the project: the msgids of all its catalogues."""
    ids = set()
    for locale_dir in settings.LOCALE_PATHS:
        for path in Path(locale_dir).glob(f"*/LC_MESSAGES/{DOMAIN}"):
            ids |= {entry.msgid for entry in polib.pofile(str(path)) if not entry.obsolete and entry.msgid}
    return ids


def coverage():
    """[(code, name, translated, total, missing msgids)] for each configured language but the source."""
    everything = all_ids()
    rows = []
    for code, name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        translated = translated_ids(catalogue_path(code)) & everything
        rows.append((code, name, len(translated), len(everything), sorted(everything - translated)))
    return rows


class Command(BaseCommand):
    help = (
        "Reports, per configured language, how much interface text its catalogue translates (--missing lists the rest)."
    )

    def add_arguments(self, parser):
        parser.add_argument("languages", nargs="*", help="Language codes to report on (default: every configured one).")
        parser.add_argument("--missing", action="store_true", help="List the strings each language lacks.")

    def handle(self, *args, languages, missing, **options):
        rows = coverage()
        unknown = set(languages) - {row[0] for row in rows}
        if unknown:
            raise CommandError(f"Not a configured language other than the source: {', '.join(sorted(unknown))}.")
        for code, name, translated, total, lacking in rows:
            if languages and code not in languages:
                continue
            percent = 100 * translated // total if total else 100
            self.stdout.write(
                f"{code} ({name}): {translated} of {total} strings translated ({percent} %), {len(lacking)} missing"
            )
            if missing:
                for msgid in lacking:
                    self.stdout.write(f"    {msgid}")
