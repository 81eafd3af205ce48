"""Blocks of an event page: the programme's sessions and the materials published after the event."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .choices import MaterialKind


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("day"), required=False, help_text=_("Only for events over several days."))
    start_time = blocks.TimeBlock(label=_("start time"), help_text=_("Local time at the venue."))
    end_time = blocks.TimeBlock(label=_("end time"), required=False)
    title = blocks.CharBlock(label=_("title"), max_length=200)
    summary = blocks.TextBlock(label=_("summary"), required=False, default="")
    # Speaker snippets are translatable: wagtail-localize points each translated page
    # at the speaker's translation, and templates still go through `.localized`.
    speakers = blocks.ListBlock(SnippetChooserBlock("events.Speaker"), label=_("speakers"), default=[])
    room = blocks.CharBlock(label=_("room"), max_length=120, required=False)

    class Meta:
        icon = "time"
        label = _("Session")
        template = "events/blocks/session.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("end_time") and value["end_time"] <= value["start_time"]:
            raise blocks.StructBlockValidationError(
                block_errors={"end_time": ErrorList([ValidationError(_("A session ends after it starts."))])}
            )
        return value


class MaterialValue(blocks.StructValue):
    @property
    def kind_label(self):
        return dict(MaterialKind.choices).get(self.get("kind"), "")

    @property
    def href(self):
        document = self.get("document")
        return document.url if document else self.get("url") or ""


class MaterialBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("kind"), choices=MaterialKind.choices, default=MaterialKind.SLIDES)
    title = blocks.CharBlock(label=_("title"), max_length=200)
    document = DocumentChooserBlock(label=_("document"), required=False)
    url = blocks.URLBlock(label=_("or an address on another site"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Material")
        value_class = MaterialValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("document")) == bool(value.get("url")):
            message = _("Choose a document or give an address, not both.")
            raise blocks.StructBlockValidationError(block_errors={"document": ErrorList([ValidationError(message)])})
        return value


def programme_blocks():
    return [("session", SessionBlock())]


def material_blocks():
    return [("material", MaterialBlock())]
