"""Courses: ordered modules that lead to a badge, and the completions trainers record.

A course is a translatable page under the “Courses” section of each language. Its
modules name their learning outcomes (framework items), the toolkit methods and
films they use, and their duration; the course names the badge it leads to. A
trainer records who completed a course (`CourseCompletion`, personal data in the
privacy registry) and may award the badge through the badges app's issuing code.
"""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from competences.fields import CompetencesMixin
from competences.models import FrameworkItem
from core.examples import ExampleMixin
from core.pages import BasePage
from core.translated import in_locale
from core.visibility import visible

from .blocks import ModuleBlock


class CourseIndexPage(BasePage):
    """The courses of one language."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("course section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = visible(CoursePage.objects.child_of(self), self.locale)
        return context


class CoursePage(ExampleMixin, RoutablePageMixin, CompetencesMixin, BasePage):
    """A course: who it is for, its modules in order, and the badge it leads to."""

    select_related_on_serve = ("partner",)

    audience = models.CharField(_("who it is for"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("What participants gain, in a paragraph."))
    modules = StreamField([("module", ModuleBlock())], verbose_name=_("modules"))
    badge = models.ForeignKey(
        "badges.AchievementPage",
        verbose_name=_("badge it leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldPanel("modules"),
        FieldRowPanel([FieldPanel("badge"), FieldPanel("partner"), FieldPanel("is_example")]),
        *CompetencesMixin.competence_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("audience"),
        index.SearchField("summary"),
        index.SearchField("modules"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            TranslatableField("audience"),
            TranslatableField("summary"),
            TranslatableField("modules"),
            # A page: the same badge in every language, shown through .localized.
            SynchronizedField("badge", overridable=False),
            TranslatableField("partner"),
            *ExampleMixin.example_fields,
        ]
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @staticmethod
    def ids_in(values):
        """Ids in a ListBlock's raw data (items are {"type": "item", "value": id} or bare ids)."""
        return [value.get("value") if isinstance(value, dict) else value for value in values or []]

    def raw_modules(self):
        return [block["value"] for block in self.modules.raw_data if block.get("type") == "module"]

    def _pages_in_my_language(self, ids):
        """{linked page id: the live page in this page's language, else the live linked page} (two queries)."""
        linked = {page.pk: page for page in Page.objects.filter(pk__in=[pk for pk in ids if pk])}
        keys = {page.translation_key for page in linked.values()}
        translations = {
            page.translation_key: page
            for page in Page.objects.live().filter(locale_id=self.locale_id, translation_key__in=keys)
        }
        return {
            pk: translations.get(page.translation_key) or (page if page.live else None) for pk, page in linked.items()
        }

    @cached_property
    def module_list(self):
        """The modules with their outcomes, methods and films in the page's language, in four queries
        whatever their number: read from the stream's raw data, not block by block."""
        raw = self.raw_modules()
        item_ids = [pk for value in raw for pk in self.ids_in(value.get("outcomes"))]
        items = {item.pk: item for item in FrameworkItem.objects.filter(pk__in=item_ids).select_related("framework")}
        page_ids = [pk for value in raw for name in ("methods", "films") for pk in self.ids_in(value.get(name))]
        if self.badge_id:
            page_ids.append(self.badge_id)
        pages = self._pages_in_my_language(page_ids)
        self.__dict__["localized_badge"] = pages.get(self.badge_id) if self.badge_id else None
        modules = []
        for number, value in enumerate(raw, start=1):
            outcomes = [items[pk] for pk in self.ids_in(value.get("outcomes")) if pk in items]
            modules.append(
                {
                    "number": number,
                    "title": value.get("title", ""),
                    "description": value.get("description") or "",
                    "duration_minutes": int(value.get("duration_minutes") or 0),
                    "outcomes": in_locale(outcomes, self.locale, select_related=["framework"]),
                    "methods": [pages[pk] for pk in self.ids_in(value.get("methods")) if pages.get(pk)],
                    "films": [pages[pk] for pk in self.ids_in(value.get("films")) if pages.get(pk)],
                }
            )
        return modules

    @property
    def total_minutes(self):
        return sum(int(value.get("duration_minutes") or 0) for value in self.raw_modules())

    @cached_property
    def localized_badge(self):
        """The badge in this page's language (or as linked), live; None without one."""
        if self.badge_id is None:
            return None
        return self._pages_in_my_language([self.badge_id]).get(self.badge_id)

    def get_structured_data(self, request):
        from .structured_data import course

        return [course(self, request)]

    @path("")
    def course_route(self, request):
        return self.render(request)

    @path("programme/", name="programme")
    def programme_route(self, request):
        return self.render(request, template="courses/course_programme.html")


class CourseCompletion(models.Model):
    """One participant who completed a course, as a trainer recorded it. Personal data."""

    course = models.ForeignKey(CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+")
    participant_name = models.CharField(_("participant's name"), max_length=200)
    participant_email = models.EmailField(_("participant's e-mail"))
    completed_on = models.DateField(_("completed on"))
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("What the participant showed; used as badge evidence.")
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
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_on", "-pk"]

    def __str__(self):
        return f"{self.participant_name} – {self.course.title}"
