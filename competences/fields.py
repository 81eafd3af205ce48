"""How pages link to the competence framework, and how they show the links.

A page type links competences with the `CompetencesMixin` (or by declaring the same
field and translatable-field entry itself)::

    class ToolPage(CompetencesMixin, BasePage):
        content_panels = BasePage.content_panels + CompetencesMixin.competence_panels
        override_translatable_fields = BasePage.override_translatable_fields + CompetencesMixin.competence_fields

The links always point at default-language items: wagtail-localize copies them
unchanged to the translations (a synchronised many-to-many is not localised). So a
French page holds English items, and every template or listing must go through
`core.translated.in_locale()` (for display) or filter by `translation_key` (for listings).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from core.translated import in_locale, linked_in_locale

from .models import default_locale_items


def competences_field(**kwargs):
    """The many-to-many field a page uses to link competences, named `competences`."""
    options = {
        "verbose_name": _("competences"),
        "blank": True,
        "related_name": "+",
        "limit_choices_to": default_locale_items,
        "help_text": _("The competences this content develops or documents."),
    }
    return ParentalManyToManyField("competences.FrameworkItem", **options | kwargs)


class CompetencesMixin(models.Model):
    """Abstract page mixin: a `competences` field, its panel and its translation rule."""

    competences = competences_field()

    competence_panels = [FieldPanel("competences")]
    # Without this entry wagtail-localize would silently skip the field on translation.
    competence_fields = [SynchronizedField("competences", overridable=False)]

    class Meta:
        abstract = True

    @property
    def localized_competences(self):
        """The linked items in this page's language (one query, once per page instance:
        the template and the structured data both ask)."""
        cached = self.__dict__.get("_localized_competences")
        if cached is None:
            linked = self.competences.all()
            if isinstance(linked, models.QuerySet):
                cached = linked_in_locale(linked, self.locale, select_related=["framework"])
            else:  # links edited in memory (a preview): no query to build on
                cached = in_locale(linked, self.locale, select_related=["framework"])
            self.__dict__["_localized_competences"] = cached
        return cached


def filter_by_competences(pages, items):
    """Pages (a queryset of a model with `competences`) linked to any of `items`, in any language.

    Works whatever the language of the items and of the pages, since pages hold
    default-language items: the match is by translation key.
    """
    keys = {item.translation_key for item in items}
    return pages.filter(competences__translation_key__in=keys).distinct()
