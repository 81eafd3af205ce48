"""Caption cues as StreamField blocks.

A cue's text is a TextBlock, which wagtail-localize extracts for translation
like any other text. Its start and end times must be the same in every language,
but StructBlock children cannot be marked as synchronised; wagtail-localize only
extracts Char/Text/RichText blocks (and choosers), so the times use their own
FieldBlock holding whole milliseconds, which it leaves alone and copies from the
source page to each translation.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .captions import Cue, format_timestamp, parse_timestamp


def _milliseconds(value):
    """Milliseconds from a timestamp ("00:01:02.500", "01:02.500") or a number of seconds ("62.5")."""
    value = value.strip()
    try:
        return parse_timestamp(value)
    except ValueError:
        pass
    try:
        seconds = float(value)
    except ValueError:
        raise ValidationError(
            _("Enter a time like 00:01:02.500 (hours:minutes:seconds.milliseconds) or a number of seconds."),
            code="invalid_time",
        ) from None
    if seconds < 0 or seconds != seconds or seconds == float("inf"):
        raise ValidationError(_("A time cannot be negative."), code="invalid_time")
    return round(seconds * 1000)


class TimestampField(forms.Field):
    widget = forms.TextInput(attrs={"maxlength": 16, "inputmode": "decimal", "spellcheck": "false"})

    def to_python(self, value):
        if isinstance(value, int):
            return value
        if value in self.empty_values or not str(value).strip():
            return None
        if len(str(value)) > 16:
            raise ValidationError(_("Enter a time like 00:01:02.500."), code="invalid_time")
        return _milliseconds(str(value))

    def prepare_value(self, value):
        return format_timestamp(value) if isinstance(value, int) else value


class TimestampBlock(blocks.FieldBlock):
    """A time within the film, stored as an integer number of milliseconds."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = TimestampField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return None
        return int(value)

    def get_prep_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            # Unvalidated form input (Wagtail compares it to detect changes):
            # converted when it reads as a time, else left for clean() to reject.
            try:
                return _milliseconds(value)
            except ValidationError:
                return value
        return int(value)

    def value_for_form(self, value):
        return format_timestamp(value) if isinstance(value, int) else value

    def get_searchable_content(self, value):
        return []

    class Meta:
        icon = "time"


class CueBlock(blocks.StructBlock):
    start = TimestampBlock(label=_("start"))
    end = TimestampBlock(label=_("end"))
    text = blocks.TextBlock(label=_("text"), rows=2, max_length=500)

    class Meta:
        icon = "openquote"
        label = _("Cue")
        form_classname = "struct-block film-cue"

    def clean(self, value):
        value = super().clean(value)
        if value["start"] is not None and value["end"] is not None and value["end"] <= value["start"]:
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("A cue must end after it starts."))}
            )
        return value


class CaptionsBlock(blocks.StreamBlock):
    cue = CueBlock()

    class Meta:
        required = False

    def clean(self, value):
        value = super().clean(value)
        previous = None
        for child in value:
            start = child.value["start"]
            if previous is not None and start is not None and start < previous:
                raise StreamBlockValidationError(
                    non_block_errors=[
                        ValidationError(
                            _("The cues must be in time order: a cue starts at %(time)s, before the one above it.")
                            % {"time": format_timestamp(start)}
                        )
                    ]
                )
            previous = start
        return value


def cues_from_stream(stream):
    """Cue objects from a captions StreamValue (or its raw JSON list)."""
    cues = []
    raw = stream.raw_data if hasattr(stream, "raw_data") else stream or []
    for item in raw:
        value = item.get("value") or {}
        try:
            cues.append(Cue(int(value["start"]), int(value["end"]), value.get("text") or ""))
        except (KeyError, TypeError, ValueError):
            continue
    return cues


def stream_data_from_cues(cues):
    """Raw stream data for a captions field, as an uploaded file becomes."""
    return [{"type": "cue", "value": {"start": cue.start, "end": cue.end, "text": cue.text}} for cue in cues]
