"""`{% funding_notice project always=False as notice %}`: the funding notice a page from a project shows."""

from django import template

from partners.funding import notice_for

register = template.Library()


@register.simple_tag
def funding_notice(project, always=False):
    return notice_for(project, always=bool(always))
