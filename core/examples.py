"""The example flag: content written to demonstrate the platform, not a record.

Every page type and snippet that can hold invented content inherits
`ExampleMixin`: one field, `is_example`, edited by editors in the admin (a
panel and a list filter), the same in every language (a synchronised field).

A flagged item shows a short notice in the reader's language
(`core/includes/example_notice.html`), and so does every page that quotes it.
Figures computed from flagged items (their registrations, downloads, copies)
are example figures: the results count them apart and never towards a target.

`example_models()` lists the models that carry the flag, and
`example_content_live()` says whether the site serves any flagged content
(the site-wide banner reads it).
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

# The slug of the "About this demonstration" page in the default language; the
# banner links to its translation in the reader's language.
ABOUT_DEMONSTRATION_SLUG = "about-this-demonstration"


class ExampleMixin(models.Model):
    """An example flag, for page types and snippets (list it before Page or the snippet's bases)."""

    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_(
            "Written to demonstrate the platform, not a record of real work or results. Readers see a notice, "
            "and figures drawn from it are never counted towards the cluster's targets."
        ),
    )

    example_panels = [FieldPanel("is_example")]
    example_fields = [SynchronizedField("is_example", overridable=False)]

    class Meta:
        abstract = True


def example_models():
    """Every concrete model that carries the example flag: the mixin's, or a boolean field
    of the same name (the competence framework's example items, badges and awards)."""
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "is_example"), None)
        if isinstance(field, models.BooleanField):
            found.append(model)
    return found


def flagged(model):
    """The flagged objects of `model` that readers can see (live pages; every snippet)."""
    queryset = model.objects.filter(is_example=True)
    if issubclass(model, Page):
        queryset = queryset.live().filter(alias_of__isnull=True)
    return queryset


def example_content_live():
    """Whether the site serves any flagged content (one query per flagged model at most)."""
    return any(flagged(model).exists() for model in example_models())


def about_demonstration_page(locale):
    """The "About this demonstration" page in `locale`, else in the default language, or None."""
    source = (
        Page.objects.live()
        .filter(slug=ABOUT_DEMONSTRATION_SLUG, alias_of__isnull=True)
        .order_by("depth", "path")
        .first()
    )
    if source is None:
        return None
    if locale is not None and source.locale_id != locale.pk:
        translated = source.get_translations().live().filter(locale=locale).first()
        if translated is not None:
            return translated
    return source
