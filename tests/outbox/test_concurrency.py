"""A rush of registrations while no mail server answers: every visitor gets an answer,
the places go exactly to the first ones, the rest wait, and every e-mail waits in the outbox.

Production settings sent each confirmation during the request, so with the mail
server down 215 people registering for 200 places all got a 500 while the places
were taken. Runs on PostgreSQL only, like tests/events/test_concurrency.py: each
thread has its own connection and commits, and the row lock is what is tested.
SQLite's in-memory test database cannot be shared between threads.

The test's own connection stays in its rolled-back transaction (reading what the
threads committed); what the threads add is removed by another thread afterwards.
"""

import queue as queues
import threading

import pytest
from django.db import connections
from django.test import Client

from events.models import EventPage, Registration
from outbox import queue
from tests.concurrency import in_thread, postgres_only

PEOPLE = 215
PLACES = 200
THREADS = 16  # connections at once; each thread registers many people in turn
PREFIX = "rush-outbox"

pytestmark = [pytest.mark.django_db, postgres_only]


@pytest.fixture
def conference(outbox_settings):
    english = EventPage.objects.get(locale__language_code="en", slug="registration-example")
    key = english.translation_key
    registrations = Registration.objects.filter(roster__translation_key=key)
    assert not registrations.filter(status="waiting").exists()
    confirmed = registrations.filter(status="confirmed").count()
    capacity = english.capacity
    in_thread(lambda: EventPage.objects.filter(translation_key=key).update(capacity=confirmed + PLACES))
    try:
        yield list(EventPage.objects.filter(translation_key=key).select_related("locale"))
    finally:

        def clean_up():
            Registration.objects.filter(email__startswith=PREFIX).delete()
            queue.rows().delete()
            EventPage.objects.filter(translation_key=key).update(capacity=capacity)

        in_thread(clean_up)


def test_a_rush_with_no_mail_server_fills_the_places_exactly_and_answers_everyone(conference):
    numbers = queues.Queue()
    for number in range(PEOPLE):
        numbers.put(number)
    statuses, errors = [], []
    barrier = threading.Barrier(THREADS)

    def register_many():
        client = Client()
        try:
            barrier.wait(timeout=60)
            while True:
                try:
                    number = numbers.get_nowait()
                except queues.Empty:
                    return
                page = conference[number % len(conference)]  # every language at once
                response = client.post(
                    page.url + page.reverse_subpage("register"),
                    {
                        "name": f"Person {number}",
                        "email": f"{PREFIX}{number}@example.org",
                        "sector": "education",
                        "consent": "on",
                        "website_url": "",
                    },
                )
                statuses.append(response.status_code)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_many) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(statuses) == PEOPLE
    assert [status for status in statuses if status >= 500] == []
    assert set(statuses) == {200}
    mine = Registration.objects.filter(email__startswith=PREFIX)
    assert mine.filter(status="confirmed").count() == PLACES
    waiting = mine.filter(status="waiting").order_by("waiting_position")
    assert [r.waiting_position for r in waiting] == list(range(1, PEOPLE - PLACES + 1))
    # One e-mail per person, every one waiting for the mail server to come back.
    recipients = sorted(entry.recipients for entry in (queue.entry(row) for row in queue.unsent()))
    assert recipients == sorted(f"{PREFIX}{number}@example.org" for number in range(PEOPLE))
