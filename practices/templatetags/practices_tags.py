"""Formatting of key figures, shared by the templates and the PDF brief."""

from django import template

from partners.templatetags.partners_tags import amount

from ..choices import FigureUnit

register = template.Library()


@register.filter
def figure_value(value):
    """A figure's value in the active language's number format, without useless decimals."""
    return amount(value)


@register.filter
def figure_unit(code):
    return FigureUnit(code).label if code in FigureUnit.values else ""


@register.filter
def figure_text(figure):
    """ "120 visits", "45 %": the value with its translated unit."""
    unit = figure_unit(figure.get("unit"))
    value = figure_value(figure.get("value"))
    return f"{value} {unit}".strip() if unit else value


@register.filter
def figure_list(stream):
    """The key-figure values of a StreamField, for tables."""
    return [block.value for block in stream if block.block_type == "figure"]
