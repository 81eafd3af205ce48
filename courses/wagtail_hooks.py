"""Course completions in the admin: trainers record who completed a course and may award its badge."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from badges import issuing
from partners.contributions import CONTRIBUTIONS_HOOK, Contribution, linked_pages
from privacy import personal_data

from .completions import record_completion, setup_trainers
from .models import CourseCompletion, CoursePage


class CompletionForm(forms.Form):
    course = forms.ModelChoiceField(queryset=CoursePage.objects.none(), label=gettext_lazy("Course"))
    participant_name = forms.CharField(label=gettext_lazy("Participant's name, as they give it"), max_length=200)
    participant_email = forms.EmailField(label=gettext_lazy("Participant's e-mail"))
    completed_on = forms.DateField(label=gettext_lazy("Completed on (YYYY-MM-DD)"))
    notes = forms.CharField(
        label=gettext_lazy("What the participant showed (used as the badge's evidence)"),
        widget=forms.Textarea,
        required=False,
    )
    award_badge = forms.BooleanField(label=gettext_lazy("Award the course's badge now"), required=False)
    consent = forms.BooleanField(label=personal_data.CONSENT_LABEL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().select_related("locale").order_by("title")
        self.fields["consent"].help_text = personal_data.consent_text()


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def completion_list(request):
    _require(request, "courses.view_coursecompletion")
    completions = CourseCompletion.objects.select_related("course", "award")[:200]
    return TemplateResponse(
        request, "courses/admin/completion_list.html", {"completions": completions, "title": _("Course completions")}
    )


def completion_create(request):
    _require(request, "courses.add_coursecompletion")
    form = CompletionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        course = data["course"]
        try:
            completion = record_completion(
                course,
                data["participant_name"],
                data["participant_email"],
                data["completed_on"],
                data["notes"],
                award_badge=data["award_badge"],
                by=request.user,
                evidence_url=request.build_absolute_uri(course.url or ""),
            )
        except (issuing.NoIssuer, PermissionDenied) as error:
            form.add_error("award_badge", str(error) or _("You may not award this badge."))
        else:
            messages.success(request, _("Completion recorded for %(name)s.") % {"name": completion.participant_name})
            return redirect("courses_admin:list")
    return TemplateResponse(
        request, "courses/admin/completion_form.html", {"form": form, "title": _("Record a course completion")}
    )


@hooks.register("setup_roles")
def setup_trainer_role():
    """Part of `manage.py setup_roles`: the Trainers group, who record completions."""
    return [setup_trainers()]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "courses/completions/",
            include(
                (
                    [path("", completion_list, name="list"), path("new/", completion_create, name="create")],
                    "courses_admin",
                )
            ),
        )
    ]


class CompletionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_coursecompletion")


@hooks.register("register_admin_menu_item")
def register_menu():
    return CompletionsMenuItem(
        gettext_lazy("Course completions"), reverse("courses_admin:list"), icon_name="tasks", order=910
    )


@hooks.register(CONTRIBUTIONS_HOOK)
def provided_courses():
    """The courses a partner provides, on its page."""
    return Contribution("courses", gettext_lazy("Courses"), linked_pages("courses.CoursePage"), order=50)
