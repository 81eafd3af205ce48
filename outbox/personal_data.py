"""Unsent e-mail holds personal data (recipient, and often name and address in the body).

Sent mail is deleted at once (retries.py); for the rest: export says what is
waiting for a person, erasure deletes it (mail to someone who asked to be
forgotten is not sent), and mail still unsent after the retention period is deleted.
"""

from django.utils.translation import gettext_lazy as _

from privacy import personal_data

from . import queue


def export(email):
    return [
        {"subject": entry.subject, "status": entry.state, "written_at": entry.written_at.isoformat()}
        for entry in (queue.entry(row) for row in queue.addressed_to(email))
    ]


def erase(email):
    rows = queue.addressed_to(email)
    return queue.rows().filter(pk__in=[row.pk for row in rows]).delete()[0]


def anonymise_expired(now):
    return queue.unsent().filter(enqueued_at__lt=now - personal_data.retention_period()).delete()[0]


SOURCE = personal_data.Source(
    label="outbox.message",
    name=_("e-mails waiting to be sent"),
    description="E-mails not sent yet (recipient, subject, body)",
    export=export,
    erase=erase,
    anonymise_expired=anonymise_expired,
)
