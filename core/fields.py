"""Model fields shared by the content apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several codes from an allow-list, stored as a JSON list and edited as checkboxes.

    Django has no portable multiple-choice column; a JSON list keeps the codes
    with the page (wagtail-localize copies them as one synchronised value) and
    works the same on SQLite and PostgreSQL. The allow-list (TextChoices with
    translated labels) lives in code, so every language offers the same options
    and filters can rely on stable values in the URL.
    """

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        # A plain JSON column to the database: adding a choice needs no migration.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    @property
    def allowed(self):
        return self.choices_class.choices if self.choices_class else []

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        codes = {code for code, _label in self.allowed}
        if not isinstance(value, list):
            raise ValidationError(_("Choose values from the list."))
        unknown = [code for code in value if code not in codes]
        if unknown:
            raise ValidationError(_("Unknown values: %(codes)s"), params={"codes": ", ".join(map(str, unknown))})

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.allowed,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, codes):
        """The translated labels of `codes`, in the allow-list's order."""
        wanted = set(codes or [])
        return [label for code, label in self.allowed if code in wanted]
