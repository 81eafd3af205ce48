"""Small filters for the questionnaire's templates."""

from django import template

register = template.Library()


@register.filter
def scale_label(level, scale):
    """The answer's words for a level (1-based) on the scale."""
    try:
        return scale[int(level) - 1] if int(level) >= 1 else ""
    except (IndexError, TypeError, ValueError):
        return ""


@register.filter
def add_float(value, offset):
    return round(float(value) + float(offset), 1)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")
