from django import template

from editorial.provenance import provenance

register = template.Library()


@register.inclusion_tag("editorial/provenance.html")
def translation_provenance(page):
    return {"provenance": provenance(page) if page is not None and getattr(page, "pk", None) else None}
