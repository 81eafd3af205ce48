import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from results.breakdown import DIMENSIONS, PARTNER

from .models import AttendanceEvidence


def default_period(today=None):
    """From the first of January to today: the usual span of a yearly progress report."""
    today = today or timezone.localdate()
    return datetime.date(today.year, 1, 1), today


class ReportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    dimension = forms.ChoiceField(
        label=_("Break down by"), choices=list(DIMENSIONS.items()), initial=PARTNER, required=False
    )

    def __init__(self, data=None, **kwargs):
        start, end = default_period()
        initial = {"start": start, "end": end, "dimension": PARTNER}
        # An empty query is the default report, not a form with errors.
        super().__init__(data if data and any(data.get(name) for name in initial) else None, initial=initial)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The period ends after it starts."))
        # The end's next day is computed: the last day a date can hold has none.
        if any(day and not 1900 <= day.year <= 2999 for day in (start, end)):
            raise forms.ValidationError(_("Choose dates between the years 1900 and 2999."))
        return data

    def values(self):
        """(start, end, dimension): the valid choices, or the defaults."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            return data["start"], data["end"], data["dimension"] or PARTNER
        return self.initial["start"], self.initial["end"], self.initial["dimension"]


MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = AttendanceEvidence
        fields = ["kind", "title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(_("A file of evidence is at most 20 MB."))
        return upload
