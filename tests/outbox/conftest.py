"""The outbox as in production: mail rows in the database, a worker run by the test,
an SMTP server that is down (a closed local port) or up (aiosmtpd on 127.0.0.1).

`run_worker()` does what `manage.py db_worker --batch` does, task by task, with the
same parts of django-tasks-db (the ready rows, the claim, Worker.run_task), but
without the command's connection check between tasks: that check closes a
connection inside a transaction, and every test here runs in one that is rolled
back afterwards.
"""

import email
import email.policy
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller

from tests.servers import free_port


class Inbox:
    """An aiosmtpd handler keeping every message it receives, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(email.message_from_bytes(envelope.original_content, policy=email.policy.default))
        return "250 Message accepted"


@contextmanager
def smtp_server(settings):
    """A local SMTP server for the duration of the block; EMAIL_PORT points at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_PORT = controller.port
    try:
        yield inbox
    finally:
        controller.stop()


def run_worker(max_tasks=None):
    """Send what is ready in the outbox, one task at a time, until nothing is (or `max_tasks` ran)."""
    from django.db import transaction
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from outbox.tasks import BACKEND, QUEUE

    worker = Worker(
        queue_names=[QUEUE],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    while max_tasks is None or ran < max_tasks:
        with transaction.atomic():
            row = DBTaskResult.objects.ready().filter(backend_name=BACKEND, queue_name=QUEUE).get_locked()
            if row is None:
                return ran
            row.claim(worker.worker_id)
        worker.run_task(row)
        ran += 1
    return ran


@pytest.fixture
def outbox_settings(settings):
    """The database outbox, SMTP to a closed local port (no mail server), retries due at once."""
    settings.TASKS = {
        **settings.TASKS,
        "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["outbox"]},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there: connections are refused
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.OUTBOX_MAX_ATTEMPTS = 3
    settings.OUTBOX_RETRY_SECONDS = 0
    settings.RATELIMIT_ENABLE = False
    return settings


def entries():
    """What coordinators would see; a sent message is gone from the outbox altogether."""
    from outbox import queue

    assert not queue.rows().filter(status="SUCCESSFUL").exists()
    return [queue.entry(row) for row in queue.unsent()]
