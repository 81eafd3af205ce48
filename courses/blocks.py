"""A course's modules: learning outcomes (framework items), toolkit methods, films, duration.

Methods and films are page choosers: wagtail-localize keeps the source page in every
translation, so templates show them through `.localized` (the page in the reader's
language when it exists)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ModuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=160)
    description = blocks.TextBlock(label=_("what happens"), required=False)
    duration_minutes = blocks.IntegerBlock(label=_("duration in minutes"), min_value=5, max_value=6000)
    outcomes = blocks.ListBlock(
        SnippetChooserBlock("competences.FrameworkItem"),
        label=_("learning outcomes"),
        help_text=_("The framework items participants work on in this module."),
    )
    methods = blocks.ListBlock(blocks.PageChooserBlock(page_type="toolkit.ToolPage"), label=_("toolkit methods"))
    films = blocks.ListBlock(blocks.PageChooserBlock(page_type="films.FilmPage"), label=_("films"))

    class Meta:
        icon = "list-ol"
        label = _("Module")
