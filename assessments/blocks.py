"""StreamField blocks of a questionnaire: its statements and the goal profiles coaches define.

A statement's competence is a snippet chooser: wagtail-localize points it at the
item's translation in each language (a related-object segment), and the code
matches items by translation key anyway, so a link is never lost.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class StatementBlock(blocks.StructBlock):
    statement = blocks.CharBlock(
        label=_("statement"),
        max_length=200,
        help_text=_("In the first person and plain words, e.g. “I can explain what I did well in my last job.”"),
    )
    competence = SnippetChooserBlock("competences.FrameworkItem", label=_("competence"))
    hint = blocks.CharBlock(
        label=_("hint"), max_length=200, required=False, help_text=_("A short everyday example that helps to answer.")
    )
    ask_example = blocks.BooleanBlock(
        label=_("ask for an example from the person's life"), required=False, default=True
    )

    class Meta:
        icon = "help"
        label = _("Statement")


class TargetBlock(blocks.StructBlock):
    competence = SnippetChooserBlock("competences.FrameworkItem", label=_("competence"))
    level = blocks.IntegerBlock(label=_("level wanted"), min_value=1, max_value=9)

    class Meta:
        icon = "pick"
        label = _("Level wanted")


class GoalProfileBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120, help_text=_("For example a type of vacancy."))
    description = blocks.CharBlock(label=_("description"), max_length=300, required=False)
    targets = blocks.ListBlock(TargetBlock(), label=_("levels wanted"))

    class Meta:
        icon = "crosshairs"
        label = _("Goal profile")
