"""`{% cited_isbn page edition as isbn %}`: an edition's ISBN if a citation may carry it, else ""."""

from django import template

register = template.Library()


@register.simple_tag
def cited_isbn(page, edition):
    if edition is None:
        return ""
    return page.cited_isbn(edition.isbn)
