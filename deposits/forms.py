"""Recording what the repository gave for a deposited item."""

from django import forms

from .models import Deposit


class DepositForm(forms.ModelForm):
    record_url = forms.URLField(
        label=Deposit._meta.get_field("record_url").verbose_name, required=False, assume_scheme="https"
    )

    class Meta:
        model = Deposit
        fields = ["doi", "record_url", "deposited_on"]
        widgets = {"deposited_on": forms.DateInput(attrs={"type": "date"})}

    def clean_doi(self):
        return self.cleaned_data["doi"].strip()
