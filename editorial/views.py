"""The translation status report in the admin, with CSV and Excel export."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from core.csv_export import SafeSpreadsheetExportMixin

from .roles import is_coordinator
from .status import status_matrix


class TranslationStatusReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "editorial/translation_status.html"
    results_template_name = "editorial/translation_status_results.html"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    paginate_by = 100
    export_headings = {"kind": _("Type"), "title": _("Title")}

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.languages, rows = status_matrix()
        self.list_export = ["kind", "title", *self.languages]
        for code in self.languages:
            self.export_headings[code] = code.upper()
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["languages"] = self.languages
        context["rows"] = [(row, row.cells(self.languages)) for row in context["object_list"]]
        return context
