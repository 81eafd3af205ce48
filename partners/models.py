"""The cluster's partners and the projects their results come from.

Both are translatable snippets: a partner's town or a project's full name can
differ per language, while codes, dates, amounts and addresses are synchronised.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .funding import Funding


class Project(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        SOURCE = "source", _("STEPS source project")
        RELATED = "related", _("Related project")

    acronym = models.CharField(_("acronym"), max_length=40)
    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SOURCE)
    programme = models.CharField(_("funding programme"), max_length=120, blank=True)
    funding = models.CharField(
        _("funding notice"),
        max_length=32,
        choices=Funding.choices,
        blank=True,
        help_text=_("The programme whose emblem text and disclaimer the project's content shows."),
    )
    reference = models.CharField(_("grant agreement number"), max_length=60, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_eur = models.PositiveIntegerField(_("budget in euros"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    target_groups = models.TextField(
        _("target groups"),
        blank=True,
        help_text=_("The people the project worked with, in a sentence or a short list."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("full_name"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("programme"), FieldPanel("funding"), FieldPanel("reference")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("budget_eur"), FieldPanel("website")]),
            ],
            heading=_("Funding"),
        ),
        FieldPanel("summary"),
        FieldPanel("target_groups"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("acronym"),
        index.SearchField("full_name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("acronym", overridable=False),
        TranslatableField("full_name"),
        SynchronizedField("kind", overridable=False),
        TranslatableField("programme"),
        SynchronizedField("funding", overridable=False),
        SynchronizedField("reference", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("budget_eur", overridable=False),
        SynchronizedField("website"),
        TranslatableField("summary"),
        TranslatableField("target_groups"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["sort_order", "acronym"]

    def __str__(self):
        return self.acronym


class Partner(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind of organisation"),
        max_length=200,
        blank=True,
        help_text=_("For example: local authority, NGO, VET college."),
    )
    town = models.CharField(_("town"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("source project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
    )
    is_lead = models.BooleanField(_("lead partner"), default=False)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_lead")]),
        FieldRowPanel([FieldPanel("town"), FieldPanel("region"), FieldPanel("country")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("project"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("town"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("kind"),
        TranslatableField("town"),
        TranslatableField("region"),
        SynchronizedField("country", overridable=False),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        TranslatableField("project"),
        SynchronizedField("is_lead", overridable=False),
        TranslatableField("description"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def as_structured_data(self):
        data = {"@type": "Organization", "name": self.name}
        if self.website:
            data["url"] = self.website
        address = {"@type": "PostalAddress", "addressCountry": self.country.code}
        if self.town:
            address["addressLocality"] = self.town
        data["address"] = address
        return data


def partners_by_country(locale):
    """The partners of one language, grouped by country in a stable order, for the
    "About the cluster" overview. Two queries whatever the number of partners."""
    partners = (
        Partner.objects.filter(locale=locale)
        .select_related("project", "logo")
        .order_by("country", "sort_order", "name")
    )
    groups = {}
    for partner in partners:
        groups.setdefault(partner.country, []).append(partner)
    return sorted(groups.items(), key=lambda item: item[0].name)
