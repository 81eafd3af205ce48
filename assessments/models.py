"""Self-assessment questionnaires, as translatable pages.

A questionnaire belongs to one framework of the competence framework (SPOCC,
LifeComp, an example ENTR21 set…). Each statement is tied to one framework item
and answered on the questionnaire's labelled scale. Nothing a visitor answers is
stored: the answers travel in the form and in a short code in the result's
address (assessments/answers.py). Only a coach's session, saved with the
client's consent, is kept (assessments.models.CoachingSession, in the
personal-data registry).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.examples import ExampleMixin
from core.pages import BasePage
from core.visibility import visible

from .blocks import GoalProfileBlock, StatementBlock

MIN_SCALE, MAX_SCALE = 2, 7


def to_another_translation(collector, field, sub_objs, using):
    """`on_delete` of a questionnaire's framework: when a translation of a framework is deleted
    (to translate it again, say), the questionnaires that use it point at another translation of
    the same framework (the one in the default language first) until their own translation is
    synchronised again. The last translation of a framework a questionnaire uses stays protected.
    """
    from competences.models import Framework

    deleting = {obj.pk for obj in collector.data.get(Framework, ())}
    by_framework = {}
    for page in sub_objs:
        by_framework.setdefault(getattr(page, field.attname), []).append(page)
    for framework_id, pages in by_framework.items():
        deleted = Framework.objects.filter(pk=framework_id).values_list("translation_key", flat=True).first()
        others = Framework.objects.filter(translation_key=deleted).exclude(pk__in=deleting | {framework_id})
        other = others.filter(locale__language_code=settings.LANGUAGE_CODE).first() or others.order_by("pk").first()
        if other is None:
            models.PROTECT(collector, field, pages, using)
        collector.add_field_update(field, other, pages)


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
        context["questionnaires"] = visible(QuestionnairePage.objects.child_of(self), self.locale).select_related(
            "framework"
        )
        return context


class QuestionnairePage(ExampleMixin, RoutablePageMixin, BasePage):
    """A self-assessment: plain-language statements, one per screen, then a profile and a plan."""

    select_related_on_serve = ("framework",)

    framework = models.ForeignKey(
        "competences.Framework",
        verbose_name=_("framework"),
        on_delete=to_another_translation,
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
        *ExampleMixin.example_fields,
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


class CoachGroup(models.Model):
    """The “Coaches: <partner>” group of one partner: its members save sessions with clients."""

    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="assessment_coaches")
    partner_key = models.UUIDField(_("partner"), unique=True, help_text=_("The partner's translation key."))

    class Meta:
        verbose_name = _("coaches group")
        verbose_name_plural = _("coaches groups")

    def __str__(self):
        return self.group.name


class CoachingSession(models.Model):
    """A questionnaire a coach ran with a client, saved with the client's consent. Personal data."""

    questionnaire = models.ForeignKey(
        QuestionnairePage, verbose_name=_("questionnaire"), on_delete=models.PROTECT, related_name="+"
    )
    answers = models.CharField(_("answers code"), max_length=200)
    targets = models.JSONField(_("levels wanted"), default=dict, blank=True)
    observations = models.JSONField(
        _("coach's observations"), default=dict, blank=True, help_text=_("Per competence code: what the coach saw.")
    )
    client_name = models.CharField(_("client's name"), max_length=200)
    client_email = models.EmailField(_("client's e-mail"))
    partner_key = models.UUIDField(_("partner"), null=True, blank=True)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    consent_at = models.DateTimeField(_("consent recorded at"))
    consent_version = models.CharField(_("consent text version"), max_length=20)
    award = models.ForeignKey(
        "badges.Award",
        verbose_name=_("badge awarded"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.client_name or '—'} – {self.questionnaire.title}"
