"""The public subscribe form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from privacy import personal_data, protection

from . import kinds as content


class SubscribeForm(protection.HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "required": True}),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Send me news of"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of content.")},
    )
    consent = forms.BooleanField(
        label=personal_data.CONSENT_LABEL,
        help_text=_(
            "We keep your address and your choice only to send you these alerts, never share them, "
            "and delete them when you unsubscribe (a link in every e-mail does it in one click). "
            "An address that is not confirmed within a week is deleted."
        ),
        widget=forms.CheckboxInput(attrs={"required": True}),
        error_messages={"required": _("Please agree to the processing of your address: we need it to write to you.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = content.choices()

    def clean_kinds(self):
        chosen = set(self.cleaned_data["kinds"])
        # In the fixed order of the kinds, whatever order the browser sent them in.
        return [kind for kind in content.available() if kind in chosen]
