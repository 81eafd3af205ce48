"""The home page of each language and the standard pages under it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core import routing, structured_data
from core.blocks import CallToActionBlock, FeaturedPagesBlock, HeroBlock, body_blocks
from core.pages import BasePage
from partners import structured_data as partners_structured_data
from partners.blocks import PartnerListBlock


class HomePage(BasePage):
    body = StreamField(
        [
            ("hero", HeroBlock()),
            ("featured_pages", FeaturedPagesBlock()),
            ("call_to_action", CallToActionBlock()),
            *body_blocks(),
        ],
        block_counts={"hero": {"max_num": 1}},
        blank=True,
        verbose_name=_("body"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    override_translatable_fields = BasePage.override_translatable_fields + [TranslatableField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "toolkit.ToolkitIndexPage",
        "practices.CaseStudyIndexPage",
        "films.FilmIndexPage",
        "events.EventIndexPage",
        "publications.PublicationPage",
        "results.ResultsPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    # core.routing may route below this page by URL path (see route()).
    routes_by_url_path = True

    def route(self, request, path_components):
        """Find the page an address leads to with two queries, not two per level.

        Wagtail walks the tree one level at a time (a child lookup, then the
        specific page). Here the pages along the address come in one query by
        URL path (core/routing.py); the walk is kept wherever a page on the way
        would answer the rest of the address itself (a routable page's
        sub-route, or a custom route), so every address leads where it did.
        """
        if not path_components:
            return super().route(request, path_components)
        return routing.route_below(self, request, path_components)

    @property
    def opens_with_hero(self):
        return bool(self.body) and self.body[0].block_type == "hero"

    def get_structured_data(self, request):
        return [
            structured_data.website(request, self),
            partners_structured_data.organization(request, self),
        ]


class StandardPage(BasePage):
    """About, partners, legal notice, accessibility statement and the like."""

    body = StreamField(
        [*body_blocks(), ("partner_list", PartnerListBlock())],
        blank=True,
        verbose_name=_("body"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    override_translatable_fields = BasePage.override_translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
