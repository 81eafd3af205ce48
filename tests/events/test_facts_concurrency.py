"""Registrations through the English and French copies of one event, at once, never
exceed the capacity of its source page, even when the French copy holds another
capacity of its own and while a coordinator raises the capacity; the people waiting
are promoted in order, before anyone who registered after them.

PostgreSQL only, like test_concurrency.py (each thread has its own connection and
the row locks are what is tested); the threads commit, so the rows are removed and
the capacities restored afterwards, leaving the demo as it was for the other tests.
"""

import threading

import pytest
from django.core import mail
from django.db import connections

from events import registration as service
from events.models import EventPage, Registration
from tests.concurrency import postgres_only

THREADS = 24
PLACES = 5

pytestmark = postgres_only


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Autocommit access to the session's demo database, restored afterwards."""
    with django_db_blocker.unblock():
        english = EventPage.objects.get(locale__language_code="en", slug="registration-example")
        translations = EventPage.objects.filter(translation_key=english.translation_key)
        capacities = dict(translations.values_list("pk", "capacity"))
        try:
            yield english
        finally:
            Registration.objects.filter(email__startswith="rush").delete()
            for pk, capacity in capacities.items():
                EventPage.objects.filter(pk=pk).update(capacity=capacity)
            mail.outbox = []


def _run(threads):
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def _registrations(english):
    return Registration.objects.filter(roster__translation_key=english.translation_key, email__startswith="rush")


def _register(page, number, barrier, errors):
    try:
        fresh = EventPage.objects.get(pk=page.pk)  # as a request would load it
        barrier.wait(timeout=60)
        service.register(
            fresh,
            {"name": f"Person {number}", "email": f"rush{number}@example.org", "sector": "hr"},
            fresh.locale.language_code,
            "http://testserver/",
        )
    except Exception as exc:  # noqa: BLE001 - reported in the main thread
        errors.append(exc)
    finally:
        connections.close_all()


def test_registrations_through_two_languages_never_exceed_the_source_capacity(committed_db):
    english = committed_db
    EventPage.objects.filter(translation_key=english.translation_key).update(capacity=PLACES)
    # The French copy says 1,000 places, as a stopped translation could: it must not count.
    french = EventPage.objects.get(translation_key=english.translation_key, locale__language_code="fr")
    EventPage.objects.filter(pk=french.pk).update(capacity=1000)
    pages = [english, french]
    barrier = threading.Barrier(THREADS)
    errors = []
    _run(
        [
            threading.Thread(target=_register, args=(pages[number % 2], number, barrier, errors))
            for number in range(THREADS)
        ]
    )

    assert errors == []
    registrations = _registrations(english)
    assert registrations.filter(status="confirmed").count() == PLACES
    assert registrations.filter(status="confirmed", language="fr").exists()
    waiting = registrations.filter(status="waiting").order_by("waiting_position")
    assert [r.waiting_position for r in waiting] == list(range(1, THREADS - PLACES + 1))


def test_a_capacity_raised_during_a_rush_goes_to_the_waiting_list_in_order(committed_db):
    english = committed_db
    EventPage.objects.filter(translation_key=english.translation_key).update(capacity=PLACES)
    french = EventPage.objects.get(translation_key=english.translation_key, locale__language_code="fr")
    pages = [english, french]
    # Full, with people waiting, before the rush.
    errors = []
    first = threading.Barrier(PLACES + 4)
    _run([threading.Thread(target=_register, args=(pages[n % 2], n, first, errors)) for n in range(PLACES + 4)])
    assert errors == []

    raised = PLACES + 6
    barrier = threading.Barrier(THREADS + 1)

    def raise_capacity():
        try:
            page = EventPage.objects.get(pk=english.pk)
            page.capacity = raised
            barrier.wait(timeout=60)
            page.save()  # as publishing does: saves the source page, then fills the places
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    newcomers = range(PLACES + 4, PLACES + 4 + THREADS)
    threads = [threading.Thread(target=raise_capacity)] + [
        threading.Thread(target=_register, args=(pages[n % 2], n, barrier, errors)) for n in newcomers
    ]
    _run(threads)

    assert errors == []
    registrations = list(_registrations(english).order_by("created_at", "pk"))
    confirmed = [r for r in registrations if r.status == "confirmed"]
    waiting = [r for r in registrations if r.status == "waiting"]
    assert len(confirmed) == raised
    # Nobody was confirmed while someone who registered before them is still waiting.
    assert max(r.created_at for r in confirmed) <= min(r.created_at for r in waiting)
    # The four who waited before the rush were all promoted.
    assert {f"rush{n}@example.org" for n in range(PLACES, PLACES + 4)} <= {r.email for r in confirmed}
    # The waiting list keeps the order of registration, one position each.
    positions = [r.waiting_position for r in waiting]
    assert positions == sorted(set(positions))
