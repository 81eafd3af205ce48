"""A list of codes from an allow-list, stored as JSON and edited as checkboxes.

Django has no portable multiple-choice column; a JSON list keeps the codes
together with the page (so wagtail-localize copies them as one synchronised
value) and works the same on SQLite and PostgreSQL.
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
        # The allow-list lives in code; the column is plain JSON, so migrations
        # need not change when a choice is added.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    @property
    def allowed(self):
        return self.choices_class.choices if self.choices_class else []

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        codes = {code for code, _label in self.allowed}
        unknown = [code for code in value or [] if code not in codes]
        if unknown:
            raise ValidationError(_("Unknown values: %(codes)s"), params={"codes": ", ".join(map(str, unknown))})

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.allowed,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            **{key: value for key, value in kwargs.items() if key in {"label", "help_text", "required"}},
        )

    def labels(self, codes):
        """The translated labels of `codes`, in the allow-list's order."""
        wanted = set(codes or [])
        return [label for code, label in self.allowed if code in wanted]
