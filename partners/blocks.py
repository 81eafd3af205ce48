"""A page block that lists the partnership from the partner snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from .models import partners_by_country


class PartnerListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "group"
        label = _("List of partners")
        template = "partners/blocks/partner_list.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["countries"] = partners_by_country(Locale.get_active())
        return context
