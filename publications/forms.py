"""The public form to request printed copies."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.widgets import RememberedSelect
from privacy import personal_data, protection

from .models import PrintRequest, max_copies_per_request

_consent_text = lazy(personal_data.consent_text, str)


class PrintRequestForm(protection.HoneypotMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=personal_data.CONSENT_LABEL,
        help_text=_consent_text(),
        required=True,
        error_messages={
            "required": _("Please agree to the processing of your details: we need them to post the copies.")
        },
    )

    class Meta:
        model = PrintRequest
        fields = ["name", "email", "organisation", "sector", "address", "country", "copies"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "address": forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        }
        help_texts = {
            "address": _("Street and number, postcode and town, as on an envelope."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = max_copies_per_request()
        copies = self.fields["copies"]
        copies.min_value = 1
        copies.max_value = limit
        copies.widget.attrs.update({"min": 1, "max": limit, "inputmode": "numeric"})
        copies.initial = 1
        copies.help_text = _("Up to %(limit)s copies per request.") % {"limit": limit}
        copies.error_messages.update(
            {
                "invalid": _("Enter a whole number of copies."),
                "min_value": _("Ask for at least one copy."),
                "max_value": _("You can ask for at most %(limit_value)s copies per request."),
            }
        )
        country = self.fields["country"]
        country.widget = RememberedSelect(
            "countries", attrs={**country.widget.attrs, "autocomplete": "country"}, choices=country.choices
        )
        for name, field in self.fields.items():
            if field.required and name != protection.HONEYPOT_FIELD:
                field.widget.attrs.setdefault("required", True)

    def clean_copies(self):
        copies = self.cleaned_data["copies"]
        limit = max_copies_per_request()
        if copies is None or copies < 1:
            raise forms.ValidationError(_("Ask for at least one copy."))
        if copies > limit:
            raise forms.ValidationError(_("You can ask for at most %(limit)s copies per request.") % {"limit": limit})
        return copies
