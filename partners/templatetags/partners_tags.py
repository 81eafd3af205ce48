"""Filters of the partnership pages: a partner's address slug, a project's budget."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from partners.views import partner_slug as slug

register = template.Library()


@register.filter
def partner_slug(partner):
    return slug(partner)


@register.filter
def amount(value):
    """A sum in the active language's number format, without useless decimals."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return number_format(int(value), force_grouping=True)
    return number_format(value.normalize(), force_grouping=True)
