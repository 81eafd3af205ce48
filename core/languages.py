"""Which language versions a page has, for the switcher, hreflang and canonical links."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.visibility import EVERY_LANGUAGE, visible

UNTRANSLATED_PARAM = "untranslated"


def language_codes():
    """The configured language codes, the source language (LANGUAGE_CODE) first."""
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """A language's name in that language ("Deutsch"): as configured, else from Django's data."""
    configured = dict(settings.LANGUAGES)
    if code in configured:
        return configured[code]
    name = LANG_INFO.get(code, {}).get("name_local", code)
    return name[:1].upper() + name[1:]


def ensure_locales():
    """A wagtail Locale for every configured language; returns the codes created."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    created = [code for code in language_codes() if code not in existing]
    for code in created:
        Locale.objects.create(language_code=code)
    return created


def live_translations(page):
    """The page's live translations, keyed by language code, itself included.

    Alias pages serve another language's text, so they never count as translations.
    Cached on the page instance: the header and <head> both ask for it.
    """
    cached = getattr(page, "_live_translations", None)
    if cached is None:
        translations = visible(page.get_translations(inclusive=True), EVERY_LANGUAGE).select_related("locale")
        cached = {p.locale.language_code: p for p in translations}
        page._live_translations = cached
    return cached


def language_homes(request):
    """The live home page of each language of the request's site, keyed by language code."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return live_translations(site.root_page)


def route_suffix(request, page):
    """The part of the address after the page's own URL, for a page's sub-routes
    (a print view, a comparison…), which are the same in every language."""
    page_url = page.get_url(request) or ""
    if page_url and request.path.startswith(page_url) and request.path != page_url:
        return request.path[len(page_url) :]
    return ""


def switcher_links(request, page=None):
    """One entry per language: where the visitor goes to read this in that language.

    For a page without a live translation in a language, the link leads to that
    language's home page, which then says the page is not available yet.
    """
    current = get_language()
    translations = live_translations(page) if isinstance(page, Page) else None
    suffix = ""
    if translations is not None:
        suffix = route_suffix(request, page)
        if suffix and request.META.get("QUERY_STRING"):
            suffix += "?" + request.META["QUERY_STRING"]
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        available = True
        if translations is None:
            url = translate_url(request.get_full_path(), code)
        elif code in translations:
            url = translations[code].get_url(request) + suffix
        else:
            available = False
            if homes is None:
                homes = language_homes(request)
            home = homes.get(code)
            url = f"{home.get_url(request)}?{UNTRANSLATED_PARAM}=1" if home else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current, "available": available})
    return links


def alternate_links(request, page):
    """hreflang alternates for the live translations, plus x-default (English)."""
    translations = live_translations(page)
    suffix = route_suffix(request, page)
    links = [
        {"hreflang": code, "href": request.build_absolute_uri(translations[code].get_url(request) + suffix)}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None and len(links) > 1:
        links.append({"hreflang": "x-default", "href": request.build_absolute_uri(default.get_url(request) + suffix)})
    return links


def view_alternate_links(request, available=None):
    """hreflang alternates of a view that is not a page (the framework, search…): its own
    address in each configured language it exists in (`available`, every language when
    None), plus x-default (the source language), the way pages list theirs."""
    if getattr(request.resolver_match, "url_name", None) == "wagtail_serve":
        return []  # no page found (a 404): it has no other languages
    codes = [code for code in language_codes() if available is None or code in available]
    links = [
        {"hreflang": code, "href": request.build_absolute_uri(translate_url(request.path, code))} for code in codes
    ]
    if settings.LANGUAGE_CODE in codes and len(links) > 1:
        href = request.build_absolute_uri(translate_url(request.path, settings.LANGUAGE_CODE))
        links.append({"hreflang": "x-default", "href": href})
    return links


def view_canonical_url(request, available=None):
    """A view's canonical address: its own, or, in a language it does not exist in yet (it
    shows the source language's text), the source language's."""
    current = get_language()
    if available is not None and current not in available and settings.LANGUAGE_CODE in available:
        return request.build_absolute_uri(translate_url(request.path, settings.LANGUAGE_CODE))
    return request.build_absolute_uri(request.path)


def fallback_language(page=None, available=None):
    """When what is shown is not in the visitor's language (an untranslated page, or a view
    that does not exist in it yet): {"code", "name"} of the language shown, else None."""
    current = get_language()
    if isinstance(page, Page):
        code = page.locale.language_code
        if code != current:
            return {"code": code, "name": language_name(code), "missing": language_name(current)}
        return None
    if available is not None and current not in available:
        return {
            "code": settings.LANGUAGE_CODE,
            "name": language_name(settings.LANGUAGE_CODE),
            "missing": language_name(current),
        }
    return None


def draft_translation(page, locale):
    """A draft translation of `page` into `locale` through wagtail-localize, untranslated (the
    source text stands in), with the translation record translators open in the admin; its
    parents are drafted too where missing. An existing translation is left as it is.
    Returns the new draft, or None when the page had a translation already."""
    from wagtail_localize.models import Translation, TranslationSource

    if page.get_translation_or_none(locale) is not None:
        return None
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    source.create_or_update_translation(locale, publish=False, copy_parent_pages=True, fallback=True)
    return page.get_translation(locale).specific
