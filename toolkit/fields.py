"""A model field for "several values from a fixed list", stored as a JSON list.

Used for a method's target groups, settings and languages: the allow-list lives in
code (TextChoices with translated labels), so every language shows the same
options and filters can rely on stable values in the URL.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        return name, path, args, kwargs

    @property
    def allowed_choices(self):
        return self.choices_class.choices if self.choices_class else []

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.allowed_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(_("Unknown values: %(values)s."), params={"values": ", ".join(map(str, unknown))})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.allowed_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, values):
        """The translated labels of `values`, in the allow-list's order."""
        chosen = set(values or [])
        return [label for value, label in self.allowed_choices if value in chosen]
