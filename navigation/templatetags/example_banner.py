"""`{% example_banner %}`: the site-wide notice that the site serves example content.

Shown on every page while any flagged content (core/examples.py) is live, with a
link to the "About this demonstration" page in the reader's language. Built once
per language and content version like the rest of the frame (site_frame._cached):
publishing or clearing a flag moves the content version on.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from core.examples import about_demonstration_page, example_content_live

from .site_frame import _cached

register = template.Library()


@register.simple_tag(takes_context=True)
def example_banner(context):
    request = context["request"]

    def build():
        if not example_content_live():
            return ""
        page = about_demonstration_page(Locale.get_active())
        about_url = page.get_url(request) if page is not None else ""
        return str(render_to_string("core/includes/example_banner.html", {"about_url": about_url}, request=request))

    return mark_safe(_cached(request, "example-banner", build))  # noqa: S308 - rendered from our own template
