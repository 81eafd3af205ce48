"""The results report in the admin: the figures of the results page, with CSV and Excel export."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from core.csv_export import SafeSpreadsheetExportMixin
from editorial.roles import is_coordinator

from .figures import export_rows, results


def _site_language():
    """The admin's language if the site has it, else the site's default (area names come in it)."""
    code = (get_language() or "").split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ResultsReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Results against targets")
    header_icon = "doc-full-inverse"
    template_name = "results/admin/report.html"
    results_template_name = "results/admin/report_results.html"
    index_url_name = "results_report"
    index_results_url_name = "results_report_results"
    export_filename = "steps-results"
    # Every figure on one page: the report is short and reads best whole.
    paginate_by = None
    list_export = ["section", "item", "measure", "language", "actual", "target", "percent", "unit"]
    export_headings = {
        "section": _("Section"),
        "item": _("Item"),
        "measure": _("Measure"),
        "language": _("Language"),
        "actual": _("Result"),
        "target": _("Target"),
        "percent": _("Share of the target (%)"),
        "unit": _("Unit"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return export_rows(results(_site_language()))
