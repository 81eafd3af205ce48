"""The parts of every page that are the same across a language: menu and footer.

They are built once per language and content version and kept in the cache
under the content version (caching/content_version.py): any change a
visitor could see bumps the version, and the next page builds them afresh.
Like the per-version memos, this is on where PAGE_CACHE_ENABLED is (production), or
CONTENT_MEMOS_ENABLED (the tests).

The footer's links lead to the standard pages kept out of the main menu
(accessibility statement, privacy, legal notice), so every page leads to them
in the visitor's language.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from caching import content_version
from core import languages
from core.visibility import visible
from navigation.templatetags.site_tags import main_menu, site_footer

register = template.Library()


def _cached(request, name, build):
    version = content_version.current_version() if content_version.memos_enabled() else None
    if version is None:  # no page cache, or the shared cache is away
        return build()
    key = f"site-frame:{version}:{name}:{request.get_host()}:{get_language()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


def footer_links(request):
    from home.models import StandardPage

    home = languages.language_homes(request).get(get_language())
    if home is None:
        return []
    pages = visible(StandardPage.objects.child_of(home).filter(show_in_menus=False), home.locale_id).order_by("path")
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


@register.simple_tag(takes_context=True)
def cached_footer(context):
    request = context["request"]

    def build():
        footer_context = {**site_footer(context), "links": footer_links(request)}
        return str(render_to_string("includes/footer.html", footer_context, request=request))

    return mark_safe(_cached(request, "footer", build))  # noqa: S308 - rendered from our own template


@register.simple_tag(takes_context=True)
def cached_main_menu(context):
    """main_menu's items, with the current one marked for this request."""
    request = context["request"]
    items = _cached(request, "menu", lambda: [(item["title"], item["url"]) for item in main_menu(context)])
    path = request.path
    return [
        {"title": title, "url": url, "current": "page" if path == url else "true" if path.startswith(url) else None}
        for title, url in items
    ]
