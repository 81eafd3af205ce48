"""Reports → Example content: everything flagged as an example, with a link to edit it.

Coordinators find here what readers see marked as an example (core/examples.py),
in every language, and clear the flag in each item's editor (its "example" field)
once the content is a real record. The list is read from every model that carries
the flag, so a new one appears without a change here.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from core.examples import example_models
from editorial.roles import is_coordinator


@dataclass(frozen=True)
class ExampleRow:
    kind: str
    title: str
    language: str
    edit_url: str


def example_rows(user):
    """One row per flagged object, by kind then title."""
    finder = AdminURLFinder(user)
    rows = []
    for model in example_models():
        queryset = model.objects.filter(is_example=True)
        if issubclass(model, Page) or hasattr(model, "locale"):
            queryset = queryset.select_related("locale")
        for obj in queryset:
            locale = getattr(obj, "locale", None)
            rows.append(
                ExampleRow(
                    kind=str(model._meta.verbose_name),
                    title=str(obj),
                    language=locale.language_code if locale is not None else "",
                    edit_url=finder.get_edit_url(obj) or "",
                )
            )
    return sorted(rows, key=lambda row: (row.kind, row.title, row.language))


class ExampleContentReportView(ReportView):
    page_title = _("Example content")
    header_icon = "warning"
    template_name = "results/admin/examples.html"
    results_template_name = "results/admin/examples_results.html"
    index_url_name = "example_content_report"
    index_results_url_name = "example_content_report_results"
    # Every flagged item on one page: an editor clears them one after the other.
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return example_rows(self.request.user)
