"""A new language is a setting: what `manage.py setup_languages` (and `migrate`) give it.

Add a code to the LANGUAGES environment variable (`LANGUAGES=en,fr,nl,de`) and run
`manage.py setup_languages` (or `manage.py migrate`, which runs it afterwards) to give the
new language:

- its wagtail-localize locale;
- its home page and the home page's sections (the home page's children), as drafts of
  wagtail-localize translations of the source-language pages, untranslated (the source text
  stands in), ready in the admin for translators; nothing goes live until a coordinator
  publishes it;
- its editor group and media collection (editorial/roles.py).

Everything else follows from the setting: the translation status matrix, the results page,
the framework exports, feeds, sitemap, search configuration and language switcher read
the configured languages. Idempotent: a language that has everything is left alone, and a
draft an editor has since worked on is never touched.
"""

from django.conf import settings
from django.db import connection, transaction
from wagtail.models import Locale, Page

from core.languages import draft_translation, ensure_locales, language_codes

from .roles import setup_roles

# The tables the set-up writes to: on a database migrated only part of the way, it waits.
REQUIRED_TABLES = {"wagtailcore_locale", "wagtailcore_page", "wagtail_localize_translation", "auth_group"}


def section_pages():
    """The source language's home pages (the tree's roots) and their children, tree order."""
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return []
    homes = Page.objects.filter(depth=2, locale=default, alias_of__isnull=True)
    sections = Page.objects.filter(depth=3, locale=default, alias_of__isnull=True)
    home_paths = [home.path for home in homes]
    return list(homes.order_by("path")) + [
        page for page in sections.order_by("path") if page.path[: len(page.path) - Page.steplen] in home_paths
    ]


def missing_languages():
    """The configured languages without a locale, or without a translation (draft or live) of
    every home and section page."""
    codes = language_codes()
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    pages = section_pages()
    missing = []
    for code in codes:
        locale = locales.get(code)
        if locale is None:
            missing.append(code)
            continue
        keys = set(
            Page.objects.filter(locale=locale, translation_key__in=[p.translation_key for p in pages]).values_list(
                "translation_key", flat=True
            )
        )
        if any(page.translation_key not in keys for page in pages):
            missing.append(code)
    return missing


@transaction.atomic
def setup_languages(log=None):
    """Give every configured language what it needs (see the module's docstring). Returns
    {language code: number of drafts created} for the languages that got anything new."""
    log = log or (lambda message: None)
    created_locales = ensure_locales()
    for code in created_locales:
        log(f"Locale {code} created.")
    done = dict.fromkeys(created_locales, 0)
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=language_codes())}
    pages = section_pages()
    for code in language_codes():
        if code == settings.LANGUAGE_CODE:
            continue
        for page in pages:
            draft = draft_translation(page, locales[code])
            if draft is not None:
                done[code] = done.get(code, 0) + 1
                log(f"  {code}: draft of “{page.title}” ready to translate.")
    if pages and done:
        setup_roles()
        log(f"Editor groups and media collections ready for {', '.join(sorted(done))}.")
    return done


def after_migrate(sender, app_config=None, using="default", **kwargs):
    """post_migrate: set up new languages once every app has migrated (and so after the
    permissions setup_roles grants exist), only when a configured language lacks something."""
    from django.apps import apps

    if sender is not list(apps.get_app_configs())[-1] or using != "default":
        return
    if not set(connection.introspection.table_names()) >= REQUIRED_TABLES:
        return
    if missing_languages():
        setup_languages()
