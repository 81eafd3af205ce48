"""Retrying a failed send, with back-off, through django-tasks' public `task_finished` signal.

The database worker marks a task failed when it raises; for an outbox message
with attempts left, the row is made ready again to run after a delay that starts
at OUTBOX_RETRY_SECONDS and doubles with each attempt (capped at MAX_DELAY). The
attempts are the worker ids django-tasks records on the row, one per claim. A
message that used up OUTBOX_MAX_ATTEMPTS stays failed for a coordinator to see.

A sent message is deleted at once: the outbox holds only mail still to send or
that failed, so it keeps no copy of personal data once its job is done.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .tasks import BACKEND

MAX_DELAY = timedelta(hours=6)


def delay_after(attempts):
    """The wait before the next attempt, after `attempts` failed ones."""
    seconds = settings.OUTBOX_RETRY_SECONDS * 2 ** max(0, attempts - 1)
    return min(timedelta(seconds=seconds), MAX_DELAY)


def after_attempt(sender, task_result, **kwargs):
    # The worker sends the backend itself after a success and its class after a failure.
    backend = sender if isinstance(sender, type) else type(sender)
    if task_result.backend != BACKEND or not issubclass(backend, DatabaseBackend):
        return
    rows = DBTaskResult.objects.filter(pk=task_result.id, backend_name=BACKEND)
    if task_result.status == TaskResultStatus.SUCCESSFUL:
        rows.delete()
    elif task_result.status == TaskResultStatus.FAILED and task_result.attempts < settings.OUTBOX_MAX_ATTEMPTS:
        rows.filter(status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY,
            run_after=timezone.now() + delay_after(task_result.attempts),
            finished_at=None,
        )


def connect():
    task_finished.connect(after_attempt, dispatch_uid="outbox.retries")
