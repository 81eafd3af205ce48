"""How pages link to the competence framework, and how they show the links.

A page type links competences with the `CompetencesMixin` (or by declaring the same
field and translatable-field entry itself)::

    class ToolPage(CompetencesMixin, BasePage):
        content_panels = BasePage.content_panels + CompetencesMixin.competence_panels
        override_translatable_fields = BasePage.override_translatable_fields + CompetencesMixin.competence_fields

The links always point at default-language items: wagtail-localize copies them
unchanged to the translations (a synchronised many-to-many is not localised). So a
French page holds English items, and every template or listing must go through
`localized_items()` (for display) or filter by `translation_key` (for listings).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from core.translated import linked_in_locale

from .models import FrameworkItem, default_locale_items


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
                cached = localized_items(linked, self.locale)
            self.__dict__["_localized_competences"] = cached
        return cached


def localized_items(items, locale, fallback=True):
    """The given items in `locale`, in the same order, with one query for the translations.

    Items already in `locale` are kept as they are. An item not yet translated is
    kept in its own language when `fallback` is true (like Wagtail's `.localized`,
    so a link is never lost) and dropped otherwise.
    """
    items = list(items)  # a queryset, a modelcluster fake queryset (previews) or any iterable
    wanted = [item.translation_key for item in items if item.locale_id != locale.pk]
    translations = {}
    if wanted:
        translations = {
            item.translation_key: item
            for item in FrameworkItem.objects.filter(locale=locale, translation_key__in=wanted).select_related(
                "framework"
            )
        }
    result = []
    for item in items:
        if item.locale_id == locale.pk:
            result.append(item)
        elif item.translation_key in translations:
            result.append(translations[item.translation_key])
        elif fallback:
            result.append(item)
    return result


def filter_by_competences(pages, items):
    """Pages (a queryset of a model with `competences`) linked to any of `items`, in any language.

    Works whatever the language of the items and of the pages, since pages hold
    default-language items: the match is by translation key.
    """
    keys = {item.translation_key for item in items}
    return pages.filter(competences__translation_key__in=keys).distinct()
