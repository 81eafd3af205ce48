"""Which language versions a page has, for the switcher, hreflang and canonical links."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.visibility import EVERY_LANGUAGE, visible

UNTRANSLATED_PARAM = "untranslated"


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
