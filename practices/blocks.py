"""Blocks of the case studies: key figures and links to related pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import TypedPageChooserBlock

from .choices import FigureUnit


class KeyFigureBlock(blocks.StructBlock):
    """One measured result. wagtail-localize translates the text parts (what was
    measured, the source) and copies the value, unit and year from the source
    page, so numbers are the same in every language."""

    measure = blocks.CharBlock(label=_("What was measured"), max_length=200)
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2, max_digits=12)
    unit = blocks.ChoiceBlock(label=_("Unit"), choices=FigureUnit.choices, required=False)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1990, max_value=2100, required=False)
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=255,
        help_text=_('Where the figure comes from. Write "illustrative demo figure" for made-up examples.'),
    )

    class Meta:
        icon = "table"
        label = _("Key figure")
        template = "practices/blocks/key_figure.html"


def key_figure_blocks():
    return [("figure", KeyFigureBlock())]


def related_page_blocks(page_type, label):
    """A list of pages of one type (a related method is a toolkit method, a related film a film)."""
    return [("page", TypedPageChooserBlock(page_type=page_type, label=label))]
