"""Formatting of key figures, shared by the templates and the PDF brief."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from ..choices import FigureUnit

register = template.Library()


@register.filter
def figure_value(value):
    """A figure's value in the active language's number format, without useless decimals."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return number_format(int(value), force_grouping=True)
    return number_format(value.normalize(), force_grouping=True)


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
