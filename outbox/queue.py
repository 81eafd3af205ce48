"""What is in the outbox: its task rows read for coordinators, sent again, and found by recipient."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from .tasks import BACKEND, send_email

# A send that has been "running" this long was interrupted (the worker stopped mid-send).
STALLED_AFTER = timedelta(hours=1)

STATE_LABELS = {
    "waiting": _("Waiting to be sent"),
    "retrying": _("Failed, will try again"),
    "sending": _("Sending"),
    "interrupted": _("Interrupted"),
    "failed": _("Failed"),
}
# What a coordinator may send again: nothing else will try it.
RETRYABLE = {"failed", "interrupted"}


def rows():
    return DBTaskResult.objects.filter(backend_name=BACKEND, task_path=send_email.module_path)


def unsent():
    """Every message not sent yet, failed ones included, newest first."""
    return rows().exclude(status=TaskResultStatus.SUCCESSFUL).order_by("-enqueued_at")


def message_of(row):
    args = row.args_kwargs.get("args") or []
    return args[0] if args else row.args_kwargs.get("kwargs", {}).get("message", {})


def _state(row, now):
    if row.status == TaskResultStatus.FAILED:
        return "failed"
    if row.status == TaskResultStatus.RUNNING:
        return "interrupted" if row.started_at and row.started_at < now - STALLED_AFTER else "sending"
    # Attempts start again from none when a coordinator sends a failed message again.
    return "retrying" if row.worker_ids else "waiting"


def _last_error(row):
    lines = [line.strip() for line in (row.traceback or "").splitlines() if line.strip()]
    return lines[-1] if lines else ""


@dataclass(frozen=True)
class Entry:
    """One message as coordinators see it."""

    pk: str
    state: str
    recipients: str
    subject: str
    attempts: int
    last_error: str
    written_at: datetime
    next_attempt_at: datetime | None

    @property
    def status(self):
        return STATE_LABELS[self.state]

    @property
    def can_retry(self):
        return self.state in RETRYABLE


def entry(row, now=None):
    now = now or timezone.now()
    message = message_of(row)
    state = _state(row, now)
    return Entry(
        pk=str(row.pk),
        state=state,
        recipients=", ".join(message.get("to", [])),
        subject=message.get("subject", ""),
        attempts=len(row.worker_ids or []),
        last_error=_last_error(row),
        written_at=row.enqueued_at,
        # Rows enqueued without a delay carry the backend's "no date" marker.
        next_attempt_at=row.run_after if state == "retrying" and row.run_after != get_date_max() else None,
    )


def retry(pk):
    """Send a failed (or interrupted) message again, as soon as the worker is free, with a
    fresh set of attempts. Returns whether there was such a message."""
    now = timezone.now()
    stalled = rows().filter(status=TaskResultStatus.RUNNING, started_at__lt=now - STALLED_AFTER)
    failed = rows().filter(status=TaskResultStatus.FAILED)
    return bool(
        (failed | stalled)
        .filter(pk=pk)
        .update(status=TaskResultStatus.READY, run_after=now, finished_at=None, worker_ids=[])
    )


def addressed_to(email):
    """The unsent rows with `email` among their recipients (compared in Python: SQLite has no JSON containment)."""
    email = email.strip().lower()
    return [row for row in unsent() if email in {address.strip().lower() for address in message_of(row).get("to", [])}]
