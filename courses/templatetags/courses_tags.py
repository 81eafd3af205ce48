"""Template filters of the course pages."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def hours(minutes):
    """A duration in words: “45 minutes”, “3 hours”, “1 hour 30 minutes”."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    whole, rest = divmod(minutes, 60)
    parts = []
    if whole:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", whole) % {"count": whole})
    if rest or not whole:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)
