"""Blocks that open a page or point visitors onwards: hero, featured pages, calls to action."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .links import LinkBlock


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    image = ImageBlock(label=_("image"), required=False)
    actions = blocks.ListBlock(LinkBlock(), label=_("buttons"), max_num=3, default=[])

    class Meta:
        icon = "pick"
        label = _("Hero")
        template = "core/blocks/hero.html"


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("page")), label=_("pages"), min_num=1, max_num=6)
    link = blocks.ListBlock(LinkBlock(), label=_("link to more"), max_num=1, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Featured pages")
        template = "core/blocks/featured_pages.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    action = LinkBlock(label=_("button"))

    class Meta:
        icon = "redirect"
        label = _("Call to action")
        template = "core/blocks/call_to_action.html"
