"""Best-practice case studies: what a partner did, for whom, with what results.

A `CaseStudyIndexPage` lists, filters and compares the cases of its language and
serves the partners app's project and partner views as routes; each `CaseStudyPage` is one
case, with a one-page policy brief (printable HTML and PDF).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from competences.fields import CompetencesMixin
from core import structured_data
from core.examples import ExampleMixin
from core.fields import ChoiceListField
from core.pages import BasePage
from core.translated import in_locale, linked_in_locale, one_in_locale
from core.visibility import visible
from partners import views as partnership_views

from . import compare, filters, queries
from .blocks import key_figure_blocks, related_page_blocks
from .choices import EvidenceLevel, OutcomeType, Sector, TargetGroup


def default_locale_partners():
    return {"locale__language_code": settings.LANGUAGE_CODE}


class CaseStudyIndexPage(RoutablePageMixin, BasePage):
    """The case-study library of one language."""

    schema_type = "CollectionPage"
    per_page = 12

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case study index")

    def cases(self):
        """The live cases of this index's language (any depth below it)."""
        return visible(CaseStudyPage.objects.descendant_of(self), self.locale_id)

    def get_sitemap_urls(self, request=None):
        """The library, plus its partnership overview and each project and partner page."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not urls or not base:
            return urls
        projects = [project for project, _count in queries.source_projects(self)]
        subpaths = partnership_views.sitemap_subpaths(self.locale, projects)
        return urls + [{"location": base + subpath} for subpath in subpaths]

    # Routes -------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        listing = filters.CaseListing(request, self)
        context = self.get_context(request)
        context["listing"] = listing
        context["cases"] = listing.page_obj
        status = 400 if listing.errors else 200
        return TemplateResponse(request, "practices/case_study_index_page.html", context, status=status)

    @path("compare/")
    def compare_route(self, request):
        comparison = compare.Comparison(request, self)
        context = self.get_context(request)
        context["comparison"] = comparison
        status = 400 if comparison.error else 200
        return TemplateResponse(request, "practices/compare.html", context, status=status)

    def sitemap_routes(self):
        """The sub-routes search engines may index (the sitemap lists them): the partnership
        page and each project's and partner's page in this page's language."""
        return partnership_views.sitemap_subpaths(self.locale)

    # The partnership views are the partners app's (partners/views.py), served here.

    @path("projects/<str:acronym>/")
    def project_route(self, request, acronym):
        return partnership_views.project_view(request, self, acronym)

    @path("partners/")
    def partners_route(self, request):
        projects, counts = queries.source_projects(self), queries.partner_case_counts(self)
        return partnership_views.partnership(request, self, projects, counts)

    @path("partners/<slug:slug>/")
    def partner_route(self, request, slug):
        return partnership_views.partner_view(request, self, slug)


class CaseStudyPage(ExampleMixin, RoutablePageMixin, CompetencesMixin, BasePage):
    project = models.ForeignKey(
        "partners.Project",
        verbose_name=_("source project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    partners = ParentalManyToManyField(
        "partners.Partner",
        verbose_name=_("partners"),
        blank=True,
        related_name="case_studies",
        # Links point at default-language partners, like the competences.
        limit_choices_to=default_locale_partners,
        help_text=_("The organisations that ran the practice."),
    )
    country = CountryField(_("country"))
    region = models.CharField(_("region or town"), max_length=120, blank=True)
    sector = models.CharField(_("sector"), max_length=40, choices=Sector.choices, blank=True)
    target_groups = ChoiceListField(_("target groups"), choices_class=TargetGroup)
    outcome_types = ChoiceListField(
        _("outcome types"), choices_class=OutcomeType, help_text=_("Where the practice led its participants.")
    )
    context = models.TextField(_("context and challenge"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    key_figures = StreamField(key_figure_blocks(), blank=True, verbose_name=_("results: key figures"))
    results = models.TextField(_("results in words"), blank=True)
    evidence_level = models.CharField(
        _("evidence level"), max_length=40, choices=EvidenceLevel.choices, default=EvidenceLevel.MONITORING
    )
    transferability = models.TextField(_("transferability"), blank=True)
    resources = models.TextField(_("resources and costs"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    related_methods = StreamField(
        related_page_blocks("toolkit.ToolPage", _("Method")),
        blank=True,
        verbose_name=_("related methods"),
        help_text=_("Methods of the toolkit."),
    )
    related_films = StreamField(
        related_page_blocks("films.FilmPage", _("Film")), blank=True, verbose_name=_("related films")
    )
    good_practice = models.BooleanField(_("good-practice label"), default=False)
    good_practice_label = models.CharField(
        _("label name"),
        max_length=160,
        blank=True,
        help_text=_("The label or award, e.g. the programme's good practice."),
    )
    good_practice_year = models.PositiveSmallIntegerField(_("label year"), null=True, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("project"),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("sector"),
                FieldPanel("target_groups"),
                FieldPanel("is_example"),
            ],
            heading=_("Who and where"),
        ),
        FieldPanel("context"),
        FieldPanel("approach"),
        MultiFieldPanel(
            [
                FieldPanel("key_figures"),
                FieldPanel("results"),
                FieldPanel("outcome_types"),
                FieldPanel("evidence_level"),
            ],
            heading=_("Results"),
        ),
        FieldPanel("transferability"),
        FieldPanel("resources"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        *CompetencesMixin.competence_panels,
        FieldPanel("related_methods"),
        FieldPanel("related_films"),
        MultiFieldPanel(
            [
                FieldPanel("good_practice"),
                FieldRowPanel([FieldPanel("good_practice_label"), FieldPanel("good_practice_year")]),
            ],
            heading=_("Good-practice label"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("context"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("country"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            # The FK follows the language (the French case links the French project).
            TranslatableField("project"),
            # Partners are a many-to-many: copied as is, shown through `.localized`.
            SynchronizedField("partners", overridable=False),
            SynchronizedField("country", overridable=False),
            TranslatableField("region"),
            SynchronizedField("sector", overridable=False),
            SynchronizedField("target_groups", overridable=False),
            SynchronizedField("outcome_types", overridable=False),
            TranslatableField("context"),
            TranslatableField("approach"),
            # Text parts translated; values, units and years copied from the source.
            TranslatableField("key_figures"),
            TranslatableField("results"),
            SynchronizedField("evidence_level", overridable=False),
            TranslatableField("transferability"),
            TranslatableField("resources"),
            TranslatableField("lessons"),
            SynchronizedField("contact_name", overridable=False),
            # A role ("project coordinator") reads in the page's language.
            TranslatableField("contact_role"),
            SynchronizedField("contact_email", overridable=False),
            SynchronizedField("related_methods", overridable=False),
            SynchronizedField("related_films", overridable=False),
            SynchronizedField("good_practice", overridable=False),
            TranslatableField("good_practice_label"),
            SynchronizedField("good_practice_year", overridable=False),
            *ExampleMixin.example_fields,
        ]
    )

    parent_page_types = ["practices.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    # Display helpers ----------------------------------------------------------

    @property
    def target_group_labels(self):
        return self._meta.get_field("target_groups").labels(self.target_groups)

    @property
    def outcome_type_labels(self):
        return self._meta.get_field("outcome_types").labels(self.outcome_types)

    @property
    def localized_partners(self):
        """The partners in this page's language (a translated page links English ones)."""
        cached = getattr(self, "_localized_partners", None)
        if cached is None:
            linked = self.partners.all()
            if isinstance(linked, models.QuerySet):
                cached = linked_in_locale(linked, self.locale)
            else:  # links edited in memory (a preview)
                cached = in_locale(linked, self.locale)
            self._localized_partners = cached
        return cached

    @property
    def localized_project(self):
        return one_in_locale(self.project, self.locale_id)

    @property
    def methods(self):
        return queries.related_pages(self.related_methods, self.locale, queries.METHOD_PAGE_MODELS)

    @property
    def films(self):
        return queries.related_pages(self.related_films, self.locale, queries.FILM_PAGE_MODELS)

    def get_structured_data(self, request):
        article = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "url": structured_data.page_url(self, request),
            "inLanguage": self.locale.language_code,
            "about": [
                *({"@type": "DefinedTerm", "name": item.name} for item in self.localized_competences),
                *({"@type": "Thing", "name": str(label)} for label in self.outcome_type_labels),
            ],
            "author": [partner.as_structured_data() for partner in self.localized_partners],
            "contentLocation": {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressCountry": self.country.code},
            },
        }
        if self.description:
            article["description"] = self.description
        if self.first_published_at:
            article["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            article["dateModified"] = self.last_published_at.isoformat()
        return [structured_data.web_page(self, request), article]

    # Routes -------------------------------------------------------------------

    @path("")
    def case_route(self, request):
        return self.serve_page(request, "practices/case_study_page.html")

    @path("brief/")
    def brief_route(self, request):
        return self.serve_page(request, "practices/brief.html")

    # The brief was once also a PDF drawn on the server; the HTML brief prints (or
    # saves as PDF) on one A4 page, so its old address leads there.
    @path("brief/pdf/")
    def brief_pdf_route(self, request):
        return HttpResponsePermanentRedirect(self.get_url(request) + "brief/")

    def serve_page(self, request, template):
        return TemplateResponse(request, template, self.get_context(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The index only gives addresses here: its own fields are not needed.
        context["index"] = self.get_parent().specific_deferred
        return context
