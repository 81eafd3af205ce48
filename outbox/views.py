"""Reports → Unsent e-mail: the outbox for coordinators, read-only but for "Send again"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from editorial.roles import is_coordinator

from . import queue


class RetryColumn(Column):
    cell_template_name = "outbox/admin/retry_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class OutboxReportView(ReportView):
    page_title = gettext_lazy("Unsent e-mail")
    header_icon = "mail"
    index_url_name = "outbox_report"
    index_results_url_name = "outbox_report_results"
    paginate_by = 50
    columns = [
        Column("status", label=gettext_lazy("Status")),
        Column("recipients", label=gettext_lazy("Recipient")),
        Column("subject", label=gettext_lazy("Subject")),
        Column("attempts", label=gettext_lazy("Attempts")),
        Column("last_error", label=gettext_lazy("Last error")),
        DateColumn("written_at", label=gettext_lazy("Written")),
        DateColumn("next_attempt_at", label=gettext_lazy("Next attempt")),
        RetryColumn("retry", label=""),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return queue.unsent()

    def get_table(self, object_list):
        # Each row as coordinators read it: recipient and subject from the task's arguments.
        now = timezone.now()
        return super().get_table([queue.entry(row, now) for row in object_list])


@require_POST
def retry(request, pk):
    if not is_coordinator(request.user):
        raise PermissionDenied
    if queue.retry(pk):
        messages.success(request, _("The e-mail will be sent again in a moment."))
    else:
        messages.error(request, _("This e-mail cannot be sent again: it is already waiting, being sent, or sent."))
    return redirect("outbox_report")
