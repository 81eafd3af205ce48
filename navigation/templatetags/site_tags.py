"""Template tags for the site-wide frame: languages, canonical links, JSON-LD, menu, footer, breadcrumbs."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from core import languages, routing
from core.models import SiteFooter
from core.structured_data import json_ld_scripts
from core.visibility import visible

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    return languages.switcher_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates: a page's live translations; for a view that is not a page, its
    address in each language it exists in (`available_languages` in its context, when it
    does not exist in every configured language)."""
    page = context.get("page")
    if page is None:
        return languages.view_alternate_links(context["request"], context.get("available_languages"))
    return languages.alternate_links(context["request"], page)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    page = context.get("page")
    if page is not None:
        # A page's sub-route (print view, comparison…) is its own document.
        return request.build_absolute_uri(page.get_url(request) + languages.route_suffix(request, page))
    return languages.view_canonical_url(request, context.get("available_languages"))


@register.simple_tag(takes_context=True)
def language_fallback(context):
    """{"code", "name", "missing"} when the page shown is not in the visitor's language (not
    yet translated into it), else None."""
    return languages.fallback_language(context.get("page"), context.get("available_languages"))


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD; views that are not pages pass `structured_data` (a list of objects)."""
    items = context.get("structured_data")
    page = context.get("page")
    if items is None and page is not None and hasattr(page, "get_structured_data"):
        items = page.get_structured_data(context["request"])
    return json_ld_scripts(items or [])


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    from wagtail.models import Locale

    from partners.models import Partner

    return {
        "request": context["request"],
        "footer": SiteFooter.for_active_locale(),
        "partners": Partner.objects.filter(locale=Locale.get_active()).order_by("sort_order", "name"),
    }


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the visitor's language."""
    request = context["request"]
    home = languages.language_homes(request).get(get_language())
    if home is None:
        return []
    items = []
    for child in visible(home.get_children().in_menu(), home.locale_id):
        url = child.get_url(request)
        current = "page" if request.path == url else "true" if request.path.startswith(url) else None
        items.append({"title": child.title, "url": url, "current": current})
    return items


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *steps, page_url=None):
    """The visitor's trail from the home page of their language to where they are.

    On a page: the home page, the page's ancestors (as routing found them, no
    query) and the page. On a page's sub-route or a view that is not a page,
    `steps` go on from there: `label url` pairs for the steps in between (or a
    list of such pairs), then the label of where the visitor is::

        {% breadcrumbs %}                                          Home › Events › Conference
        {% breadcrumbs _("Registration") %}                        Home › Events › Conference › Registration
        {% breadcrumbs partners_label partners_url partner.name %} Home › Case studies › Partners › Mentor vzw

    The last step is the current one (`aria-current="page"`); the home page
    alone shows no trail. `page_url` replaces the page's own address in the
    trail (to keep a query, such as the workshop plan's methods).
    """
    request = context["request"]
    page = context.get("page")
    links, current = _trail_steps(steps)
    if isinstance(page, Page):
        trail = [(ancestor.title, ancestor.get_url(request)) for ancestor in routing.ancestors(page)]
        if current is None:
            current = page.title
        else:
            trail.append((page.title, page_url or page.get_url(request)))
    else:
        home = languages.language_homes(request).get(get_language())
        trail = [(home.title, home.get_url(request))] if home is not None else []
    trail.extend(links)
    if current is None and trail:
        current = trail.pop()[0]
    return {"trail": trail if current is not None else [], "current": current}


def _trail_steps(steps):
    """(links, current label) from a tag's `label url … label` arguments."""
    links, pending = [], None
    for step in steps:
        if isinstance(step, (list, tuple)):
            links.extend((label, url) for label, url in step)
        elif pending is None:
            pending = step
        else:
            links.append((pending, step))
            pending = None
    return links, pending
