"""The outbox's one task, and the helper that puts a message in the outbox.

Everything the worker needs is in the task's arguments (plain JSON): the
message is rendered while the record is saved, in the recipient's language, so
sending it needs neither a request nor the record, which may have changed since.
"""

import base64

from django.core.mail import EmailMessage
from django_tasks import task

BACKEND = "outbox"
QUEUE = "outbox"


def plain_subject(text):
    """A subject as one line of plain text (no line breaks, which e-mail headers forbid)."""
    return " ".join(str(text).split())


def _attachment(filename, content, mimetype):
    if isinstance(content, bytes):
        return {"filename": filename, "mimetype": mimetype, "base64": base64.b64encode(content).decode("ascii")}
    return {"filename": filename, "mimetype": mimetype, "text": str(content)}


def serialise(email):
    """A Django EmailMessage as JSON-serialisable data for the task row."""
    return {
        "to": list(email.to),
        "cc": list(email.cc),
        "bcc": list(email.bcc),
        "reply_to": list(email.reply_to),
        "from_email": email.from_email,
        "subject": plain_subject(email.subject),
        "body": email.body,
        "attachments": [_attachment(*attachment) for attachment in email.attachments],
        # Extra headers, e.g. List-Unsubscribe on the alerts' digests.
        "headers": dict(email.extra_headers),
    }


def deserialise(message):
    email = EmailMessage(
        subject=message["subject"],
        body=message["body"],
        from_email=message.get("from_email"),
        to=message["to"],
        cc=message.get("cc"),
        bcc=message.get("bcc"),
        reply_to=message.get("reply_to"),
        headers=message.get("headers") or None,
    )
    for attachment in message.get("attachments", []):
        content = base64.b64decode(attachment["base64"]) if "base64" in attachment else attachment["text"]
        email.attach(attachment["filename"], content, attachment["mimetype"])
    return email


@task(backend=BACKEND, queue_name=QUEUE)
def send_email(message):
    """Send one message. A failure raises, so the row is marked failed and `retries` schedules another attempt."""
    deserialise(message).send()


def enqueue(email):
    """Put `email` (an EmailMessage, not yet sent) in the outbox.

    Call it inside the transaction that saves the record the message is about:
    the task row is inserted in that transaction and committed with the record.
    """
    return send_email.enqueue(serialise(email))
