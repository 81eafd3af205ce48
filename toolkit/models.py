"""The toolkit: structured soft-skills training methods that practitioners can
find, print and combine into a workshop plan.

Every field is declared translated or synchronised. Choices (target groups,
settings, languages, licence) are fixed allow-lists in code, with translated
labels, so filter values in URLs are the same in every language.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from competences.fields import CompetencesMixin
from core.examples import ExampleMixin
from core.fields import ChoiceListField
from core.licences import licence_field, licence_url
from core.pages import BasePage
from core.translated import one_in_locale
from core.visibility import visible

from .blocks import StepBlock, WorksheetBlock

PLAN_PARAM = "m"


class TargetGroup(models.TextChoices):
    JOBSEEKERS = "jobseekers", _("Jobseekers")
    LONG_TERM_UNEMPLOYED = "long-term-unemployed", _("Long-term unemployed people")
    YOUNG_PEOPLE = "young-people", _("Young people")
    MIGRANTS = "migrants", _("Migrants")
    DISABILITIES = "disabilities", _("People with disabilities")
    SME_MENTORS = "sme-mentors", _("SME mentors")
    ADULT_EDUCATORS = "adult-educators", _("Adult educators")


class Setting(models.TextChoices):
    GROUP = "group", _("Group")
    ONE_TO_ONE = "one-to-one", _("One-to-one")
    ONLINE = "online", _("Online")


class Language(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")
    NL = "nl", _("Dutch")
    OTHER = "other", _("Other languages")


def plan_query(ids):
    """The query string of a workshop plan holding these page ids, in order."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.setlist(PLAN_PARAM, [str(pk) for pk in ids])
    return query.urlencode()


class ToolkitIndexPage(RoutablePageMixin, BasePage):
    """The toolkit: a filterable list of methods, and the workshop plan builder (`plan/`)."""

    per_page = 12

    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkit.ToolPage"]
    max_count_per_parent = 1
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("toolkit")

    @path("")
    def index_route(self, request):
        from .finding import listing_context

        return self.render(request, context_overrides=listing_context(self, request))

    @path("plan/", name="plan")
    def plan(self, request):
        from .plan import plan_context

        return self.render(request, template="toolkit/plan.html", context_overrides=plan_context(self, request))

    def plan_url(self, request, ids):
        url = self.get_url(request) + self.reverse_subpage("plan").lstrip("/")
        query = plan_query(ids)
        return f"{url}?{query}" if query else url


class ToolPage(ExampleMixin, RoutablePageMixin, CompetencesMixin, BasePage):
    """One training method, written so that another practitioner can run it."""

    # Shown on every view of the page: loaded with it (core/routing.py).
    select_related_on_serve = ("source_project", "partner")

    summary = models.TextField(_("summary"), help_text=_("What the method is and why it works, in a paragraph."))
    aims = models.TextField(_("aims"), blank=True, help_text=_("What participants gain. One aim per line."))
    target_groups = ChoiceListField(_("target groups"), choices_class=TargetGroup)
    setting = ChoiceListField(_("setting"), choices_class=Setting, help_text=_("Every setting the method works in."))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    group_size_min = models.PositiveSmallIntegerField(_("minimum group size"), default=1)
    group_size_max = models.PositiveSmallIntegerField(_("maximum group size"), default=12)
    materials = models.TextField(_("materials"), blank=True, help_text=_("One item per line."))
    preparation = models.TextField(_("preparation"), blank=True)
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("step-by-step instructions"))
    facilitator_tips = models.TextField(_("facilitator tips"), blank=True)
    variations = models.TextField(_("variations"), blank=True)
    evaluation = models.TextField(_("how to evaluate"), blank=True)
    worksheets = StreamField(
        [("worksheet", WorksheetBlock())],
        blank=True,
        verbose_name=_("worksheets"),
        help_text=_("Downloadable documents. Each translation can replace them with its own language's version."),
    )
    source_project = models.ForeignKey(
        "partners.Project",
        verbose_name=_("source project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = ChoiceListField(
        _("languages available"), choices_class=Language, help_text=_("Languages the method's materials exist in.")
    )
    licence = licence_field()

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("aims"),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("setting"),
                FieldPanel("duration_minutes"),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
            ],
            heading=_("Who, where and how long"),
        ),
        FieldPanel("materials"),
        FieldPanel("preparation"),
        FieldPanel("steps"),
        FieldPanel("facilitator_tips"),
        FieldPanel("variations"),
        FieldPanel("evaluation"),
        FieldPanel("worksheets"),
        *CompetencesMixin.competence_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source_project"), FieldPanel("partner")]),
                FieldPanel("languages"),
                FieldPanel("licence"),
                *ExampleMixin.example_panels,
            ],
            heading=_("Origin and licence"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("aims"),
        index.SearchField("steps"),
        index.FilterField("duration_minutes"),
        index.FilterField("is_example"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            TranslatableField("summary"),
            TranslatableField("aims"),
            SynchronizedField("target_groups", overridable=False),
            SynchronizedField("setting", overridable=False),
            SynchronizedField("duration_minutes", overridable=False),
            SynchronizedField("group_size_min", overridable=False),
            SynchronizedField("group_size_max", overridable=False),
            TranslatableField("materials"),
            TranslatableField("preparation"),
            TranslatableField("steps"),
            TranslatableField("facilitator_tips"),
            TranslatableField("variations"),
            TranslatableField("evaluation"),
            # Translatable: the titles are translated and each document can be overridden per language.
            TranslatableField("worksheets"),
            # Foreign keys to translatable snippets are re-pointed at the target language's version.
            TranslatableField("source_project"),
            TranslatableField("partner"),
            SynchronizedField("languages", overridable=False),
            SynchronizedField("licence"),
            *ExampleMixin.example_fields,
        ]
    )

    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training method")
        verbose_name_plural = _("training methods")
        constraints = [
            models.CheckConstraint(
                condition=Q(group_size_min__lte=F("group_size_max")), name="toolkit_toolpage_group_size_range"
            )
        ]

    def clean(self):
        super().clean()
        if (
            self.group_size_min is not None
            and self.group_size_max is not None
            and self.group_size_min > self.group_size_max
        ):
            raise ValidationError({"group_size_max": _("The maximum group size cannot be smaller than the minimum.")})

    # Display helpers ------------------------------------------------------------

    @property
    def target_group_labels(self):
        return self._meta.get_field("target_groups").labels(self.target_groups)

    @property
    def setting_labels(self):
        return self._meta.get_field("setting").labels(self.setting)

    @property
    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    @property
    def licence_url(self):
        return licence_url(self.licence)

    @property
    def aims_list(self):
        return _lines(self.aims)

    @property
    def materials_list(self):
        return _lines(self.materials)

    @property
    def group_size_label(self):
        return group_size_text(self.group_size_min, self.group_size_max)

    # Routes and context -----------------------------------------------------------

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template="toolkit/tool_page_print.html")

    def get_context(self, request, *args, **kwargs):
        from .plan import plan_ids_from_request

        context = super().get_context(request, *args, **kwargs)
        # The index only gives addresses here: its own fields are not needed.
        index_page = self.get_parent().specific_deferred
        ids = plan_ids_from_request(request)
        in_plan = self.pk in ids
        context.update(
            {
                "index_page": index_page,
                "competences": self.competences_here,
                "related_methods": self.related_methods(),
                "source_project": one_in_locale(self.source_project, self.locale_id),
                "partner": one_in_locale(self.partner, self.locale_id),
                "plan_ids": ids,
                "plan_query": plan_query(ids),
                "in_plan": in_plan,
                "add_to_plan_url": index_page.plan_url(request, ids if in_plan else [*ids, self.pk]),
                "remove_from_plan_url": index_page.plan_url(request, [pk for pk in ids if pk != self.pk]),
                "plan_url": index_page.plan_url(request, ids),
                "print_url": self.url + self.reverse_subpage("print").lstrip("/"),
            }
        )
        return context

    @property
    def competences_here(self):
        """The linked competences in this page's language, computed once per instance
        (the page body and the JSON-LD both show them)."""
        if not hasattr(self, "_competences_here"):
            self._competences_here = self.localized_competences
        return self._competences_here

    def related_methods(self, limit=4):
        """Other live methods in this page's language that share competences with it,
        the most shared first (one query)."""
        linked = self.competences.all()
        # A preview holds its links in memory, not in a queryset to build on.
        item_ids = linked.values("pk") if isinstance(linked, models.QuerySet) else [item.pk for item in linked]
        # Translations hold the same default-language items, so ids match across languages.
        return list(
            visible(ToolPage.objects.filter(competences__in=item_ids), self.locale_id)
            .exclude(pk=self.pk)
            .annotate(shared=Count("competences"))
            .order_by("-shared", "title")[:limit]
        )

    def get_structured_data(self, request):
        from .structured_data import learning_resource

        return [*super().get_structured_data(request), learning_resource(self, request)]


def group_size_text(minimum, maximum):
    from django.utils.translation import gettext

    if minimum == maximum:
        if minimum == 1:
            return gettext("one person")
        return gettext("%(count)s people") % {"count": minimum}
    return gettext("%(min)s to %(max)s people") % {"min": minimum, "max": maximum}


def _lines(text):
    lines = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("-•*").strip()
        if line:
            lines.append(line)
    return lines
