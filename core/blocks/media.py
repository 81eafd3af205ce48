"""Blocks that show images."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class FigureBlock(blocks.StructBlock):
    # wagtail's ImageBlock carries the alternative text (translatable) and the
    # "decorative" flag, so every image states how screen readers treat it.
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/figure.html"
