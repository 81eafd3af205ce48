"""Builders for schema.org JSON-LD objects shared by several page types, and
their safe rendering into <script type="application/ld+json"> elements."""

import json

from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Characters that could end a <script> element or start an HTML comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(item):
    """JSON safe to place inside a script element."""
    return mark_safe(json.dumps(item, ensure_ascii=False, default=str).translate(_SCRIPT_ESCAPES))  # noqa: S308


def json_ld_scripts(items):
    return format_html_join(
        "\n", '<script type="application/ld+json">{}</script>', ((json_ld(item),) for item in items)
    )


def absolute_url(request, path):
    return request.build_absolute_uri(path)


def page_url(page, request):
    return absolute_url(request, page.get_url(request))


def web_page(page, request, schema_type="WebPage"):
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.seo_title or page.title,
        "url": page_url(page, request),
        "inLanguage": page.locale.language_code,
    }
    if getattr(page, "description", ""):
        data["description"] = page.description
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return data


def website(request, home):
    from django.urls import reverse

    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": _("STEPS: soft skills training"),
        "url": page_url(home, request),
        "inLanguage": home.locale.language_code,
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute_url(request, reverse("search")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
