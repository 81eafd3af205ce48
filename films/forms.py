"""Forms of the films app: the gallery filter and the film page's edit form."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import stream_data_from_cues
from .captions import MAX_FILE_BYTES, CaptionError, parse_captions


class FilmIndexFilterForm(forms.Form):
    """The gallery's competence filter: only competences some film uses are offered."""

    competence = forms.ChoiceField(label=_("Competence"), required=False)

    def __init__(self, *args, options=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Grouped by framework (its code reads the same in every language).
        groups = {}
        for item, count, value in options:
            groups.setdefault(item.framework.code, []).append((value, f"{item.name} ({count})"))
        self.fields["competence"].choices = [("", _("All competences")), *groups.items()]


class FilmPageForm(WagtailAdminPageForm):
    """The film page's edit form, with an optional caption file that replaces the cues.

    The file is parsed while the form is validated: a malformed file makes the
    whole form invalid (with the line and the reason), so nothing is saved.
    """

    captions_file = forms.FileField(
        label=_("Caption file (.vtt or .srt)"),
        required=False,
        help_text=_(
            "Optional. Uploading a WebVTT or SubRip file replaces all the cues below with the file's cues "
            "when you save."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,.srt,text/vtt"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("captions_file")
        if not upload:
            return cleaned_data
        if not upload.name.lower().endswith((".vtt", ".srt")):
            self.add_error("captions_file", gettext("Upload a .vtt (WebVTT) or .srt (SubRip) file."))
            return cleaned_data
        if upload.size > MAX_FILE_BYTES:
            self.add_error(
                "captions_file",
                gettext("The caption file is larger than %(size)d KB.") % {"size": MAX_FILE_BYTES // 1024},
            )
            return cleaned_data
        try:
            cues = parse_captions(upload.read(), upload.name)
        except CaptionError as error:
            if error.line:
                message = gettext("The caption file was not used. Line %(line)d: %(reason)s") % {
                    "line": error.line,
                    "reason": error.reason,
                }
            else:
                message = gettext("The caption file was not used: %(reason)s") % {"reason": error.reason}
            self.add_error("captions_file", message)
            return cleaned_data
        block = self._meta.model._meta.get_field("captions").stream_block
        cleaned_data["captions"] = block.to_python(stream_data_from_cues(cues))
        return cleaned_data
