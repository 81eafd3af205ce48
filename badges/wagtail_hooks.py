"""The awards in the admin: award one badge at a time, see the awards, revoke (coordinators).
Awarding to an event's attendees or from a CSV file is in awarding_views.py.

An assessor sees and awards only the badges of their own partner; the form's
choices are limited and `issuing.award_badge` checks again when saving.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from partners.contributions import CONTRIBUTIONS_HOOK, Contribution, linked_pages

from . import awarding_views, issuing, roles
from .models import AchievementPage, Award, IssuerProfile


class AwardForm(forms.Form):
    achievement = forms.ModelChoiceField(queryset=AchievementPage.objects.none(), label=gettext_lazy("Badge"))
    recipient_name = forms.CharField(label=gettext_lazy("Recipient's name, as they give it"), max_length=200)
    recipient_email = forms.EmailField(label=gettext_lazy("Recipient's e-mail"))
    evidence_narrative = forms.CharField(label=gettext_lazy("Evidence"), widget=forms.Textarea)
    evidence_links = forms.CharField(
        label=gettext_lazy("Evidence links (one address per line)"), widget=forms.Textarea, required=False
    )
    valid_until = forms.DateTimeField(label=gettext_lazy("Valid until (optional)"), required=False)
    language = forms.ChoiceField(
        label=gettext_lazy("Recipient's language"),
        choices=[("", gettext_lazy("The badge's language"))] + list(settings.LANGUAGES),
        required=False,
        help_text=gettext_lazy("The e-mail, the claim page and the credential are in this language."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        keys = [issuer.partner_key for issuer in roles.issuers_for(user)]
        self.fields["achievement"].queryset = (
            AchievementPage.objects.live().filter(partner__translation_key__in=keys).select_related("locale")
        )

    def clean_evidence_links(self):
        validator = forms.URLField()
        lines = [line.strip() for line in self.cleaned_data["evidence_links"].splitlines() if line.strip()]
        for line in lines:
            validator.clean(line)
        return "\n".join(lines)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def award_list(request):
    _require(request, "badges.view_award")
    awards = Award.objects.select_related("achievement", "issuer", "status").filter(
        issuer__in=roles.issuers_for(request.user)
    )[:200]
    return TemplateResponse(request, "badges/admin/award_list.html", {"awards": awards, "title": _("Awards")})


def award_create(request):
    _require(request, "badges.add_award")
    form = AwardForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            award = issuing.award_badge(
                data["achievement"],
                data["recipient_name"],
                data["recipient_email"],
                data["evidence_narrative"],
                data["evidence_links"],
                data["valid_until"],
                by=request.user,
                language=data["language"] or None,
            )
        except issuing.NoIssuer as error:
            form.add_error("achievement", str(error))
        else:
            messages.success(
                request,
                _("Badge awarded to %(name)s, who gets an e-mail with their claim link.")
                % {"name": award.recipient_name},
            )
            return redirect("badges_admin:list")
    return TemplateResponse(request, "badges/admin/award_form.html", {"form": form, "title": _("Award a badge")})


def award_revoke(request, pk):
    _require(request, "badges.revoke_award")
    award = get_object_or_404(Award, pk=pk)
    error = ""
    if request.method == "POST":
        reason = request.POST.get("reason", "").strip()[:2000]
        if reason:
            issuing.revoke(award, reason, by=request.user)
            messages.success(request, _("The badge is revoked."))
            return redirect("badges_admin:list")
        error = _("Say why the badge is revoked: the reason is shown to whoever checks it.")
    return TemplateResponse(
        request, "badges/admin/award_revoke.html", {"award": award, "error": error, "title": _("Revoke a badge")}
    )


@hooks.register("setup_roles")
def setup_assessor_roles():
    """Part of `manage.py setup_roles`: an Assessors group for each issuer."""
    return [roles.setup_issuer_roles(issuer) for issuer in IssuerProfile.objects.all()]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "badges/awards/",
            include(
                (
                    [
                        path("", award_list, name="list"),
                        path("new/", award_create, name="create"),
                        path("<int:pk>/revoke/", award_revoke, name="revoke"),
                        path("<int:pk>/send-again/", awarding_views.send_claim_again, name="send_again"),
                        path("attendance/", awarding_views.award_from_attendance, name="attendance"),
                        path("csv/", awarding_views.award_from_csv, name="csv"),
                    ],
                    "badges_admin",
                )
            ),
        )
    ]


class AwardsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("badges.view_award")


@hooks.register("register_admin_menu_item")
def register_menu():
    return AwardsMenuItem(gettext_lazy("Badge awards"), reverse("badges_admin:list"), icon_name="success", order=900)


@hooks.register(CONTRIBUTIONS_HOOK)
def issued_badges():
    """The badges a partner issues, on its page."""
    return Contribution("badges", gettext_lazy("Badges"), linked_pages("badges.AchievementPage"), order=60)
