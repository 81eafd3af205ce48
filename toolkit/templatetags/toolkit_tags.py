"""Template helpers for the toolkit."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def minutes(value):
    """A duration for people: 45 -> "45 min", 90 -> "1 h 30 min", 120 -> "2 h"."""
    try:
        total = int(value)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(total, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
