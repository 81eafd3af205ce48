"""Self-assessment questionnaires, as translatable pages.

A questionnaire belongs to one framework of the competence framework (SPOCC,
LifeComp, an example ENTR21 set…). Each statement is tied to one framework item
and answered on the questionnaire's labelled scale. Nothing a visitor answers is
stored: the answers travel in the form and in a short code in the result's
address (assessments/answers.py). Only a coach's session, saved with the
client's consent, is kept (assessments.models.CoachingSession, in the
personal-data registry).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage

from .blocks import GoalProfileBlock, StatementBlock

MIN_SCALE, MAX_SCALE = 2, 7


class AssessmentIndexPage(BasePage):
    """“Know your skills”: the questionnaires of one language."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["assessments.QuestionnairePage"]
    max_count_per_parent = 1
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("self-assessment section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["questionnaires"] = (
            QuestionnairePage.objects.live()
            .public()
            .child_of(self)
            .filter(locale=self.locale)
            .select_related("framework")
        )
        return context


class QuestionnairePage(RoutablePageMixin, BasePage):
    """A self-assessment: plain-language statements, one per screen, then a profile and a plan."""

    select_related_on_serve = ("framework",)

    framework = models.ForeignKey(
        "competences.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Every statement is tied to an item of this framework."),
    )
    audience = models.CharField(
        _("who it is for"), max_length=200, blank=True, help_text=_("For example: people looking for work.")
    )
    minutes = models.PositiveSmallIntegerField(_("minutes it takes"), default=10)
    scale_labels = models.TextField(
        _("answer scale"),
        help_text=_("One answer per line, from the lowest to the highest (2 to 7 answers), e.g. “Not yet”."),
    )
    statements = StreamField([("statement", StatementBlock())], verbose_name=_("statements"))
    goal_profiles = StreamField(
        [("goal", GoalProfileBlock())],
        blank=True,
        verbose_name=_("goal profiles"),
        help_text=_("Levels wanted for a goal, such as a type of vacancy, that a person can compare themselves with."),
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Written for the demo or for illustration.")
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("framework"), FieldPanel("minutes"), FieldPanel("is_example")]),
        FieldPanel("audience"),
        FieldPanel("scale_labels"),
        FieldPanel("statements"),
        FieldPanel("goal_profiles"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("audience"), index.SearchField("statements")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        # A foreign key to a translatable snippet: re-pointed at the framework's translation.
        TranslatableField("framework"),
        TranslatableField("audience"),
        SynchronizedField("minutes", overridable=False),
        TranslatableField("scale_labels"),
        TranslatableField("statements"),
        TranslatableField("goal_profiles"),
        SynchronizedField("is_example", overridable=False),
    ]

    parent_page_types = ["assessments.AssessmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def clean(self):
        super().clean()
        if not MIN_SCALE <= len(self.scale) <= MAX_SCALE:
            raise ValidationError({"scale_labels": _("Give between 2 and 7 answers, one per line.")})
        if self.framework_id:
            for block in self.statements:
                item = block.value.get("competence")
                if item is not None and item.framework.translation_key != self.framework.translation_key:
                    raise ValidationError(
                        {"statements": _("Every statement must be tied to an item of the questionnaire's framework.")}
                    )

    @property
    def scale(self):
        return [line.strip() for line in self.scale_labels.splitlines() if line.strip()]

    def get_structured_data(self, request):
        from .structured_data import quiz

        return [quiz(self, request)]

    @path("")
    def intro_route(self, request):
        from .views import intro

        return intro(self, request)

    @path("answer/", name="answer")
    def answer_route(self, request):
        from .views import answer

        return answer(self, request)

    @path("result/", name="result")
    def result_route(self, request):
        from .views import result

        return result(self, request)

    @path("plan/", name="plan")
    def plan_route(self, request):
        from .views import plan

        return plan(self, request)

    @path("plan/pdf/", name="plan_pdf")
    def plan_pdf_route(self, request):
        from .views import plan_pdf

        return plan_pdf(self, request)

    def route_url(self, request, name):
        return self.get_url(request) + self.reverse_subpage(name).lstrip("/")
