"""The home page of each language and the standard pages under it."""

from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core import structured_data
from core.blocks import CallToActionBlock, FeaturedPagesBlock, HeroBlock, body_blocks
from core.pages import BasePage
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

    def route(self, request, path_components):
        """Find the page an address leads to with two queries, not two per level.

        Wagtail walks the tree one level at a time (a child lookup, then the
        specific page). Here the pages along the address come in one query by
        URL path; the walk is kept wherever a page on the way would answer the
        rest of the address itself (a routable page's sub-route, or a custom
        route), so every address leads where it did.
        """
        if not path_components:
            return super().route(request, path_components)
        depth_of = {self.url_path + "/".join(path_components[:n]) + "/": n for n in range(1, len(path_components) + 1)}
        chain = {}
        for page in Page.objects.filter(url_path__in=depth_of, path__startswith=self.path):
            chain[depth_of[page.url_path]] = page
        found = 0
        while found + 1 in chain:
            found += 1
        if not found or not all(_walks_through(chain[n], path_components[n:]) for n in range(1, found)):
            return super().route(request, path_components)
        page = chain[found].specific
        page._cached_parent_obj = chain.get(found - 1, self)
        return page.route(request, path_components[found:])

    @property
    def opens_with_hero(self):
        return bool(self.body) and self.body[0].block_type == "hero"

    def get_structured_data(self, request):
        return [
            structured_data.website(request, self),
            structured_data.organization(request, self),
        ]


def _walks_through(page, remaining):
    """Whether Wagtail's walk would go on to a child of `page` for the `remaining` components."""
    model = page.specific_class
    if model is None:
        return False
    if issubclass(model, RoutablePageMixin):
        if model.route is not RoutablePageMixin.route:
            return False
        if page.live:
            try:
                model.get_resolver().resolve("/" + "/".join(remaining) + "/")
                return False
            except Resolver404:
                pass
        return True
    return model.route is Page.route


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
