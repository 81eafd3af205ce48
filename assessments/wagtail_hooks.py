"""Counsellor mode in the admin: save a session run with a client (with their consent), see the
saved sessions of one's partner, and award a badge with the assessment as evidence."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from badges import issuing
from badges import roles as badge_roles
from badges.models import AchievementPage
from privacy import personal_data

from . import answers, coaching
from .models import QuestionnairePage


class SessionForm(forms.Form):
    client_name = forms.CharField(label=gettext_lazy("Client's name, as they give it"), max_length=200)
    client_email = forms.EmailField(label=gettext_lazy("Client's e-mail"))
    consent = forms.BooleanField(
        label=gettext_lazy("The client agrees that this session is saved (read them the text).")
    )

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = personal_data.consent_text()
        for row in rows:
            self.fields[f"obs-{row.code}"] = forms.CharField(
                label=_("What you saw: %(name)s") % {"name": row.item.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=coaching.OBSERVATION_LENGTH,
            )


class AwardForm(forms.Form):
    achievement = forms.ModelChoiceField(queryset=AchievementPage.objects.none(), label=gettext_lazy("Badge"))
    evidence_narrative = forms.CharField(label=gettext_lazy("Evidence"), widget=forms.Textarea)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        keys = [issuer.partner_key for issuer in badge_roles.issuers_for(user)]
        self.fields["achievement"].queryset = (
            AchievementPage.objects.live()
            .filter(partner__translation_key__in=keys, locale__language_code="en")
            .order_by("title")
        )


def _coach_only(request):
    if not coaching.is_coach(request.user):
        raise PermissionDenied


def _profile(page, code, query):
    items = answers.statements(page)
    ratings = answers.parse_code(code, len(items), len(page.scale))
    if ratings is None:
        return None
    rows = answers.profile(items, ratings, len(page.scale))
    answers.apply_goal(page, rows, query, len(page.scale))
    return rows


def session_create(request, page_id):
    _coach_only(request)
    page = get_object_or_404(QuestionnairePage.objects.live(), pk=page_id)
    data = request.POST if request.method == "POST" else request.GET
    code = data.get("a", "")
    rows = _profile(page, code, data)
    if rows is None:
        messages.error(request, _("These answers do not belong to this questionnaire."))
        return redirect("assessments_admin:list")
    form = SessionForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        session = coaching.save_session(
            page,
            code,
            {row.code: row.target for row in rows},
            {row.code: form.cleaned_data.get(f"obs-{row.code}", "") for row in rows},
            form.cleaned_data["client_name"],
            form.cleaned_data["client_email"],
            request.user,
        )
        messages.success(request, _("Session saved with the client's consent."))
        return redirect("assessments_admin:detail", session.pk)
    return TemplateResponse(
        request,
        "assessments/admin/session_form.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "scale": page.scale,
            "code": code,
            "hidden": [(key, value) for key, value in data.items() if key == "goal" or key.startswith("t-")],
            "title": _("Save a session"),
        },
    )


def session_list(request):
    _coach_only(request)
    return TemplateResponse(
        request,
        "assessments/admin/session_list.html",
        {"sessions": coaching.sessions_for(request.user)[:200], "title": _("Coaching sessions")},
    )


def session_detail(request, pk):
    _coach_only(request)
    session = get_object_or_404(coaching.sessions_for(request.user), pk=pk)
    page = session.questionnaire.specific
    rows = _profile(page, session.answers, {f"t-{key}": str(value) for key, value in session.targets.items()}) or []
    result_url = request.build_absolute_uri(page.route_url(request, "result") + "?" + urlencode({"a": session.answers}))
    narrative = "\n".join(
        [_("Self-assessment “%(title)s” run with a coach.") % {"title": page.title}]
        + [
            f"{row.item.name}: {answers_label(row, page.scale)}"
            + (f" — {session.observations[row.code]}" if session.observations.get(row.code) else "")
            for row in rows
        ]
    )
    form = AwardForm(request.POST or None, user=request.user, initial={"evidence_narrative": narrative})
    if request.method == "POST" and form.is_valid() and session.award_id is None:
        try:
            coaching.award_from_session(
                session,
                form.cleaned_data["achievement"],
                form.cleaned_data["evidence_narrative"],
                result_url,
                request.user,
            )
        except (issuing.NoIssuer, PermissionDenied) as error:
            form.add_error("achievement", str(error) or _("You may not award this badge."))
        else:
            messages.success(request, _("Badge awarded to %(name)s.") % {"name": session.client_name})
            return redirect("assessments_admin:detail", session.pk)
    return TemplateResponse(
        request,
        "assessments/admin/session_detail.html",
        {
            "session": session,
            "rows": rows,
            "scale": page.scale,
            "form": form,
            "result_url": result_url,
            "title": _("Coaching session"),
        },
    )


def answers_label(row, scale):
    return scale[row.level - 1] if row.answered and 0 < row.level <= len(scale) else "—"


@hooks.register("setup_roles")
def setup_coaches():
    """Part of `manage.py setup_roles`: a Coaches group per partner."""
    return coaching.setup_coach_groups()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "assessments/sessions/",
            include(
                (
                    [
                        path("", session_list, name="list"),
                        path("new/<int:page_id>/", session_create, name="create"),
                        path("<int:pk>/", session_detail, name="detail"),
                    ],
                    "assessments_admin",
                )
            ),
        )
    ]


class SessionsMenuItem(MenuItem):
    def is_shown(self, request):
        return coaching.is_coach(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    return SessionsMenuItem(
        gettext_lazy("Coaching sessions"), reverse("assessments_admin:list"), icon_name="user", order=905
    )
