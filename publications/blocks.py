"""The table of contents of a publication: chapters with sections, as a StreamField."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    page = blocks.IntegerBlock(label=_("page"), min_value=1, required=False)

    class Meta:
        icon = "list-ul"
        label = _("section")


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    summary = blocks.TextBlock(label=_("summary"), required=False)
    page = blocks.IntegerBlock(
        label=_("page"), min_value=1, required=False, help_text=_("The page the chapter starts on in the PDF.")
    )
    sections = blocks.ListBlock(SectionBlock(), label=_("sections"), required=False, default=[])

    class Meta:
        icon = "doc-full"
        label = _("chapter")
        template = "publications/blocks/chapter.html"


def contents_blocks():
    return [("chapter", ChapterBlock())]
