from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from editorial.wagtail_hooks import CoordinatorMenuItem

from .examples_report import ExampleContentReportView
from .views import ResultsReportView


@hooks.register("register_admin_urls")
def register_results_report_url():
    return [
        path("reports/results/", ResultsReportView.as_view(), name="results_report"),
        path("reports/results/results/", ResultsReportView.as_view(results_only=True), name="results_report_results"),
        path("reports/examples/", ExampleContentReportView.as_view(), name="example_content_report"),
        path(
            "reports/examples/results/",
            ExampleContentReportView.as_view(results_only=True),
            name="example_content_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_results_report_menu_item():
    return CoordinatorMenuItem(
        _("Results against targets"), reverse("results_report"), icon_name="doc-full-inverse", order=710
    )


@hooks.register("register_reports_menu_item")
def register_example_content_menu_item():
    return CoordinatorMenuItem(_("Example content"), reverse("example_content_report"), icon_name="warning", order=715)
