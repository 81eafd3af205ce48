"""Awarding many at once in the admin: to the people who attended an event, or to the rows
of a CSV file; and sending a claim link again.

Both lists offer only the badges of the partners the user may award for
(roles.issuers_for), and `issuing.award_many` checks every award again and makes
them in one transaction: an assessor cannot award in another partner's name by
changing the form, and a refusal or a wrong row saves nothing.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core import attendance

from . import csv_awards, issuing, roles
from .credentials import absolute
from .models import AchievementPage, Award

ERROR_ANY = gettext_lazy("Nothing was saved: %(error)s")


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _language():
    language = (get_language() or "").split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def badge_choices(user):
    """The live badges, in the default language, of the partners `user` may award for."""
    keys = [issuer.partner_key for issuer in roles.issuers_for(user)]
    return (
        AchievementPage.objects.live()
        .filter(partner__translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
    )


def _award_all(request, form, achievement, rows):
    """Award every row, or none; True when done."""
    try:
        awards = issuing.award_many(achievement, rows, by=request.user)
    except PermissionDenied:
        form.add_error(None, ERROR_ANY % {"error": _("you may award badges only in your own partner's name.")})
    except issuing.NoIssuer as error:
        form.add_error(None, ERROR_ANY % {"error": error})
    else:
        messages.success(
            request,
            _("%(count)s badges awarded; each recipient gets an e-mail with their claim link.")
            % {"count": len(awards)},
        )
        return True
    return False


# From an event's attendance list -------------------------------------------------------


class EventChoiceForm(forms.Form):
    event = forms.ChoiceField(label=gettext_lazy("Event"))

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(event.key, f"{event.title} ({event.start:%Y-%m-%d})") for event in events]


class AttendanceAwardForm(forms.Form):
    event = forms.CharField(widget=forms.HiddenInput)
    achievement = forms.ModelChoiceField(queryset=AchievementPage.objects.none(), label=gettext_lazy("Badge"))
    attendees = forms.MultipleChoiceField(
        label=gettext_lazy("Award it to"), widget=forms.CheckboxSelectMultiple, required=True
    )
    evidence_narrative = forms.CharField(
        label=gettext_lazy("Evidence"),
        widget=forms.Textarea,
        help_text=gettext_lazy("What the attendees showed, and how it was seen (the same for everyone chosen)."),
    )

    def __init__(self, *args, user, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {person.email: person for person in people}
        self.fields["achievement"].queryset = badge_choices(user)
        self.fields["attendees"].choices = [(person.email, f"{person.name} <{person.email}>") for person in people]


def award_from_attendance(request):
    _require(request, "badges.add_award")
    events = attendance.held_events(_language())
    by_key = {event.key: event for event in events}
    chooser = EventChoiceForm(request.GET or None, events=events)
    event = by_key.get(request.POST.get("event") or request.GET.get("event") or "")
    form = None
    if event is not None:
        people = attendance.attendees(event.key)
        if request.method == "POST":
            form = AttendanceAwardForm(request.POST, user=request.user, people=people)
            if form.is_valid():
                link = absolute(event.url) if event.url else ""
                rows = [
                    {
                        "recipient_name": form.people[email].name,
                        "recipient_email": email,
                        "evidence_narrative": form.cleaned_data["evidence_narrative"],
                        "evidence_links": link,
                        "language": form.people[email].language,
                    }
                    for email in form.cleaned_data["attendees"]
                ]
                if _award_all(request, form, form.cleaned_data["achievement"], rows):
                    return redirect("badges_admin:list")
        else:
            form = AttendanceAwardForm(
                initial={"event": event.key, "attendees": [person.email for person in people]},
                user=request.user,
                people=people,
            )
    context = {"chooser": chooser, "form": form, "event": event, "title": _("Award a badge to an event's attendees")}
    return TemplateResponse(request, "badges/admin/award_attendance.html", context)


# From a CSV file ---------------------------------------------------------------------------


class CsvAwardForm(forms.Form):
    achievement = forms.ModelChoiceField(queryset=AchievementPage.objects.none(), label=gettext_lazy("Badge"))
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "First row: the column names. Required: name, email, evidence. Optional: evidence_links "
            "(addresses separated by spaces), language (en, fr or nl), valid_until (YYYY-MM-DD)."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the rows without one"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["achievement"].queryset = badge_choices(user)


def award_from_csv(request):
    _require(request, "badges.add_award")
    form = CsvAwardForm(request.POST or None, request.FILES or None, user=request.user)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        reading = csv_awards.read(upload.read(csv_awards.MAX_BYTES + 1), form.cleaned_data["language"])
        row_errors = reading.errors
        if reading.ok and _award_all(request, form, form.cleaned_data["achievement"], reading.rows):
            return redirect("badges_admin:list")
    context = {"form": form, "row_errors": row_errors, "title": _("Award a badge from a CSV file")}
    return TemplateResponse(request, "badges/admin/award_csv.html", context)


# Sending the claim link again -------------------------------------------------------------


def send_claim_again(request, pk):
    _require(request, "badges.add_award")
    award = get_object_or_404(Award, pk=pk)
    if request.method == "POST" and award.recipient_email:  # blanked after the retention period
        issuing.send_claim_again(award, by=request.user)
        messages.success(request, _("A new claim link is on its way to %(name)s.") % {"name": award.recipient_name})
    return redirect("badges_admin:list")
