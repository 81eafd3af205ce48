"""StreamField blocks of a training method: its steps and its worksheets."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=160)
    text = blocks.TextBlock(label=_("what to do"))
    minutes = blocks.IntegerBlock(label=_("minutes"), required=False, min_value=1, max_value=600)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class WorksheetBlock(blocks.StructBlock):
    # In a translated StreamField the document is an overridable segment: each
    # language keeps the source's file until a translator picks its own version.
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), max_length=160, required=False, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Worksheet")
