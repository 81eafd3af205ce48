from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from editorial.wagtail_hooks import CoordinatorMenuItem

from . import views


@hooks.register("register_admin_urls")
def register_outbox_urls():
    results = views.OutboxReportView.as_view(results_only=True)
    return [
        path("reports/outbox/", views.OutboxReportView.as_view(), name="outbox_report"),
        path("reports/outbox/results/", results, name="outbox_report_results"),
        path("reports/outbox/<uuid:pk>/retry/", views.retry, name="outbox_retry"),
    ]


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return CoordinatorMenuItem(_("Unsent e-mail"), reverse("outbox_report"), icon_name="mail", order=720)
