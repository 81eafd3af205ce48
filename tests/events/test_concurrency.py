"""Many people registering at once never exceed an event's capacity.

Runs against PostgreSQL only, where each thread has its own connection and the
registration code's row lock is what keeps the count right. SQLite serialises
writers with one database-wide lock and its in-memory test database cannot be
shared between threads, so the test is skipped there.

The threads must commit for the others to see their rows, so the test works on
the committed demo database directly (like a transactional test) and removes what
it added afterwards, instead of flushing every table as `transaction=True` would:
the tests that run after it still need the demo site.
"""

import threading

import pytest
from django.core import mail
from django.db import connections

from events import registration as service
from events.models import EventPage, Registration
from tests.concurrency import postgres_only
from tests.languages import CONFIGURED

THREADS = 20
PLACES = 5

pytestmark = postgres_only


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Autocommit access to the session's demo database, restored afterwards."""
    with django_db_blocker.unblock():
        english = EventPage.objects.get(locale__language_code="en", slug="registration-example")
        capacity = english.capacity
        try:
            yield english
        finally:
            Registration.objects.filter(email__startswith="rush").delete()
            EventPage.objects.filter(translation_key=english.translation_key).update(capacity=capacity)
            mail.outbox = []


def test_concurrent_registrations_fill_places_exactly_then_the_waiting_list(committed_db):
    english = committed_db
    EventPage.objects.filter(translation_key=english.translation_key).update(capacity=PLACES)
    pages = list(EventPage.objects.filter(translation_key=english.translation_key))
    assert len(pages) == len(CONFIGURED)  # a language the demo has no text in has a draft
    barrier = threading.Barrier(THREADS)
    errors = []

    def register(number):
        try:
            page = pages[number % len(pages)]  # every language at once
            barrier.wait()
            service.register(
                page,
                {"name": f"Person {number}", "email": f"rush{number}@example.org", "sector": "hr"},
                page.locale.language_code,
                "http://testserver/",
            )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    registrations = Registration.objects.filter(roster__translation_key=english.translation_key)
    assert registrations.filter(status="confirmed").count() == PLACES
    waiting = registrations.filter(status="waiting").order_by("waiting_position")
    assert waiting.count() == THREADS - PLACES
    assert [r.waiting_position for r in waiting] == list(range(1, THREADS - PLACES + 1))
    assert len(mail.outbox) == THREADS
