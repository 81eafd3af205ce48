"""Public forms of the events app: the listing filters and the registration form."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from privacy import personal_data, protection

from .choices import Kind, Region, RegistrantSector


class EventFilterForm(forms.Form):
    """Filters of the event index; choices are limited to the values in use."""

    kind = forms.ChoiceField(label=_("Kind of event"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, data=None, *, kinds=(), regions=()):
        super().__init__(data)
        all_label = [("", _("All"))]
        kind_labels = dict(Kind.choices)
        region_labels = dict(Region.choices)
        self.fields["kind"].choices = all_label + [(code, kind_labels[code]) for code in Kind.values if code in kinds]
        self.fields["region"].choices = all_label + [
            (code, region_labels[code]) for code in Region.values if code in regions
        ]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("“%(value)s” is not one of the choices; showing all events.")

    def filters(self):
        """The valid filters only; an invalid one is ignored (and reported by the template)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in ("kind", "region") if cleaned.get(name)}


_consent_text = lazy(personal_data.consent_text, str)


class RegistrationForm(protection.HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—")] + RegistrantSector.choices)
    access_needs = forms.CharField(
        label=_("Access needs"),
        required=False,
        max_length=2000,
        help_text=_("Anything that would help you take part: step-free access, a hearing loop, dietary needs…"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=personal_data.CONSENT_LABEL,
        help_text=_consent_text(),
        error_messages={"required": _("Please give your consent, or we cannot register you.")},
    )

    field_order = ["name", "email", "organisation", "sector", "access_needs", "consent", protection.HONEYPOT_FIELD]

    def clean_email(self):
        return personal_data.normalise_email(self.cleaned_data["email"])


class CancelForm(forms.Form):
    """Only the CSRF token and a button: cancelling needs a POST, never a bare link."""
