from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import access, teams, views


class ReportingMenuItem(MenuItem):
    """Shown to coordinators and to the people of a partner."""

    def is_shown(self, request):
        return access.may_report(request.user)


@hooks.register("setup_roles")
def setup_partner_team_roles():
    """Part of `manage.py setup_roles`: a "Partner team" group per partner."""
    return list(teams.setup_partner_teams().values())


@hooks.register("register_admin_urls")
def register_reporting_urls():
    return [
        path("reports/progress/", views.progress_report, name="reporting_report"),
        path("reports/progress/report.xlsx", views.export_xlsx, name="reporting_xlsx"),
        path("reports/progress/report.csv", views.export_csv, name="reporting_csv"),
        path("reports/progress/partner/<uuid:partner_key>/", views.partner_dashboard, name="reporting_partner"),
        path(
            "reports/progress/events/<uuid:event_key>/evidence/",
            views.event_evidence,
            name="reporting_event_evidence",
        ),
        path("reports/progress/evidence/<int:pk>/delete/", views.delete_evidence, name="reporting_evidence_delete"),
    ]


@hooks.register("register_reports_menu_item")
def register_progress_report_menu_item():
    return ReportingMenuItem(_("Progress report"), reverse("reporting_report"), icon_name="doc-full-inverse", order=712)


@hooks.register("register_page_header_buttons")
def attendance_evidence_button(page, user, view_name, next_url=None):
    """An event's "Attendance evidence", in its editor's menu, for those who may see it."""
    from events.models import EventPage

    if page.specific_class is EventPage and access.may_see_event_evidence(user, page.translation_key):
        yield Button(
            _("Attendance evidence"),
            reverse("reporting_event_evidence", args=[page.translation_key]),
            icon_name="doc-full",
            priority=45,
        )
