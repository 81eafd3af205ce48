"""A page chooser that accepts only its page types, however many it names."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class TypedPageChooserBlock(blocks.PageChooserBlock):
    """`PageChooserBlock(page_type=[...])` that refuses a page of another type on save.

    Wagtail's chooser offers only the listed types, and with a single type its form
    field refuses the others; with several it falls back to any page. This block
    checks the chosen page's type in every case."""

    def clean(self, value):
        value = super().clean(value)
        models = tuple(self.target_models)
        if value is not None and models and not issubclass(value.specific_class or type(value), models):
            names = ", ".join(str(model._meta.verbose_name) for model in models)
            raise ValidationError(_("Choose a page of one of these types: %(types)s.") % {"types": names})
        return value
