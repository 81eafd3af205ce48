"""A failed send is tried again after a growing delay, a bounded number of times, then kept as failed."""

from datetime import timedelta

import pytest
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from outbox import queue, retries, tasks

from .conftest import entries, run_worker, smtp_server

pytestmark = pytest.mark.django_db


def _write(subject="Votre inscription : L'écoute", to="sam@example.org"):
    return tasks.enqueue(EmailMessage(subject=subject, body="Bonjour Sam,\n", to=[to]))


def test_the_delay_doubles_after_each_failed_attempt_up_to_a_ceiling(settings):
    settings.OUTBOX_RETRY_SECONDS = 60
    assert [retries.delay_after(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert retries.delay_after(30) == retries.MAX_DELAY


def test_a_send_that_keeps_failing_is_tried_the_maximum_number_of_times_then_marked_failed(outbox_settings):
    outbox_settings.OUTBOX_MAX_ATTEMPTS = 3
    _write()

    assert run_worker() == 3  # retries are due at once here (OUTBOX_RETRY_SECONDS = 0)

    (failed,) = entries()
    assert failed.state == "failed" and failed.attempts == 3
    assert "ConnectionRefusedError" in failed.last_error
    assert failed.can_retry
    assert run_worker() == 0  # a failed message is not tried again by itself


def test_the_next_attempt_waits_for_its_delay(outbox_settings):
    outbox_settings.OUTBOX_RETRY_SECONDS = 60
    _write()

    assert run_worker() == 1
    assert run_worker() == 0  # not due yet

    (retrying,) = entries()
    assert retrying.state == "retrying" and retrying.attempts == 1
    assert timedelta(seconds=50) < retrying.next_attempt_at - timezone.now() <= timedelta(seconds=60)
    assert not retrying.can_retry  # it is still scheduled: nothing for a coordinator to do


def test_the_timeout_setting_reaches_the_smtp_connection(outbox_settings):
    from django.core.mail import get_connection

    outbox_settings.EMAIL_TIMEOUT = 3
    assert get_connection().timeout == 3


def test_a_message_written_in_a_transaction_that_fails_is_never_sent(outbox_settings):
    with pytest.raises(RuntimeError), transaction.atomic():
        _write()
        raise RuntimeError("the record could not be saved")

    assert entries() == []


def test_the_message_is_stored_as_plain_json_and_sent_as_written(outbox_settings, settings):
    email = EmailMessage(
        subject="Line one\nline two\r\n",
        body="Body – with “quotes” & <angle brackets>",
        to=["kim@example.org"],
        reply_to=["team@example.org"],
    )
    email.attach("event.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    email.attach("logo.bin", b"\x00\xff\x10", "application/octet-stream")
    tasks.enqueue(email)
    (row,) = queue.unsent()
    assert queue.message_of(row)["subject"] == "Line one line two"

    with smtp_server(settings) as inbox:
        assert run_worker() == 1

    (message,) = inbox.messages
    assert message["Subject"] == "Line one line two"
    assert message["Reply-To"] == "team@example.org"
    assert message.get_body(("plain",)).get_content().strip() == "Body – with “quotes” & <angle brackets>"
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attachments["logo.bin"] == b"\x00\xff\x10"
    assert "BEGIN:VCALENDAR" in attachments["event.ics"]
    assert entries() == []


def test_erasing_a_persons_data_deletes_the_mail_still_waiting_for_them(outbox_settings):
    from privacy import personal_data

    _write(to="Erase.Me@example.org")
    _write(to="keep@example.org")

    assert personal_data.export("erase.me@example.org")["outbox.message"][0]["status"] == "waiting"
    assert personal_data.erase("erase.me@example.org")["outbox.message"] == 1
    assert [entry.recipients for entry in entries()] == ["keep@example.org"]


def test_unsent_mail_older_than_the_retention_period_is_deleted(outbox_settings):
    from privacy import personal_data

    _write(to="old@example.org")
    later = timezone.now() + personal_data.retention_period() + timedelta(days=1)
    assert personal_data.anonymise_expired(later)["outbox.message"] == 1
    assert entries() == []
