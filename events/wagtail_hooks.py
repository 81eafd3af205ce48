"""Admin for events: speakers (snippets), registrations (with CSV/XLSX export) and
the targets report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.csv_export import SafeSpreadsheetExportMixin
from partners.contributions import CONTRIBUTIONS_HOOK, Contribution, linked_pages
from privacy.personal_data_admin import PersonalDataViewSetMixin

from . import targets
from .models import Registration, Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    list_display = ["name", "role", "is_example"]
    list_filter = ["is_example"]
    search_fields = ["name", "role"]


register_snippet(SpeakerViewSet)


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations are created and cancelled through the public routes only, where
    places are counted under a lock: the admin can list, export and edit them
    (e.g. mark attendance), never add or delete them."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


registration_permission_policy = RegistrationPermissionPolicy(Registration)
register_permission_policy(Registration, registration_permission_policy)


class RegistrationViewSet(PersonalDataViewSetMixin, ModelViewSet):
    model = Registration
    icon = "list-ul"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "email", "roster", "status", "waiting_position", "attended", "language", "created_at"]
    list_filter = ["roster", "status", "attended", "language", "sector"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "roster",
        "name",
        "email",
        "organisation",
        "sector",
        "language",
        "status",
        "waiting_position",
        "attended",
        "access_needs",
        "created_at",
        "consent_at",
        "consent_version",
    ]
    export_headings = {"roster": _("Event")}
    export_filename = "event-registrations"
    form_fields = ["name", "organisation", "access_needs", "attended"]


registration_viewset = RegistrationViewSet("event_registrations")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


class TargetsReportView(SafeSpreadsheetExportMixin, ReportView):
    """Participants and events so far against the cluster's targets, per kind of event."""

    page_title = _("Event targets")
    header_icon = "table"
    index_url_name = "events_targets_report"
    index_results_url_name = "events_targets_report_results"
    permission_policy = registration_permission_policy
    permission_required = "view"
    paginate_by = None
    list_export = [
        "label",
        "events_target",
        "events_held",
        "events_planned",
        "participants",
        "participants_target",
        "participants_percent",
    ]
    export_headings = {
        "label": _("Kind of event"),
        "events_target": _("Events planned in the application"),
        "events_held": _("Events held"),
        "events_planned": _("Events still to come"),
        "participants": _("Participants so far"),
        "participants_target": _("Participants targeted"),
        "participants_percent": _("Share of the participants target (%)"),
    }
    columns = [Column(name, label=label) for name, label in export_headings.items()]

    def get_filename(self):
        return "event-targets"

    def get_queryset(self):
        return targets.current_progress()


@hooks.register("register_admin_urls")
def register_targets_report_urls():
    view = TargetsReportView.as_view()
    results = TargetsReportView.as_view(results_only=True)
    return [
        path("reports/event-targets/", view, name="events_targets_report"),
        path("reports/event-targets/results/", results, name="events_targets_report_results"),
    ]


class TargetsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_registration")


@hooks.register("register_reports_menu_item")
def register_targets_report_menu_item():
    return TargetsMenuItem(_("Event targets"), reverse("events_targets_report"), icon_name="table", order=1000)


@hooks.register(CONTRIBUTIONS_HOOK)
def hosted_events():
    """The events a partner hosts, on its page."""
    return Contribution("events", _("Events"), linked_pages("events.EventPage"), order=40)
