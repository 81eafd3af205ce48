"""The abstract base every page type of the platform inherits from.

It brings what every page shares: an optional introduction, an explicit list of
the fields wagtail-localize translates or keeps in sync, and the page's JSON-LD.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core import structured_data


class BasePage(Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # Subclasses extend this list with each field of their own, so that every
    # field is translated or synchronised on purpose, never by accident.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]

    # Listing pages set this to describe themselves as a schema.org CollectionPage.
    schema_type = "WebPage"

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's answer, with one query instead of two for the usual page.

        Wagtail lists the ancestors (to resolve aliases), then their restrictions,
        on every page served. One query says whether the page or an ancestor is
        restricted or is an alias; only then is Wagtail asked for the restrictions.
        A page that routing found (core/routing.py) knows that already.
        """
        private = getattr(self, "_lineage_private", None)
        if private is False:
            return PageViewRestriction.objects.none()
        if private:
            return super().get_view_restrictions()
        steps = range(self.steplen, len(self.path) + 1, self.steplen)
        lineage = Page.objects.filter(path__in=[self.path[:end] for end in steps])
        restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
        if not lineage.filter(Q(alias_of__isnull=False) | Q(Exists(restricted))).exists():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def description(self):
        return self.search_description or self.intro

    def get_structured_data(self, request):
        """The JSON-LD objects describing this page; subclasses add their own."""
        return [structured_data.web_page(self, request, self.schema_type)]
