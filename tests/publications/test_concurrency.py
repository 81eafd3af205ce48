"""Concurrent requests never allocate more copies than were printed (PostgreSQL).

Each thread has its own database connection and commits for real. The test does
not use `django_db(transaction=True)`: that flushes every table afterwards and
would wipe the demo site that the rest of the suite shares. Instead the rows are
made and removed by the threads' own connections, outside the test transaction.
"""

import threading
import uuid

import pytest
from django.db import connection, connections

from publications.models import PrintRequest, PrintStock

THREADS = 20
COPIES = 3
STOCK = 10


def _in_thread(function, *args):
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        except Exception as exc:  # reported in the main thread
            result["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


@pytest.mark.django_db
def test_concurrent_requests_never_over_allocate(publications):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL (DATABASE_URL=postgres://…): SQLite's in-memory test database is not shared "
            "between threads and has no row locks, so real concurrency cannot be exercised there."
        )
    from publications import printing

    key = uuid.uuid4()
    stock = _in_thread(lambda: PrintStock.objects.create(publication_key=key, title="Concurrency test", total=STOCK))
    barrier = threading.Barrier(THREADS)
    outcomes, errors = [], []

    def request(number):
        try:
            barrier.wait(timeout=30)
            data = {
                "name": f"Thread {number}",
                "email": f"thread{number}@example.org",
                "organisation": "",
                "sector": "other",
                "address": "Somewhere",
                "country": "BE",
                "copies": COPIES,
            }
            outcomes.append(printing.request_copies(stock, data, "en", "http://testserver/").status)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    try:
        threads = [threading.Thread(target=request, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not errors, errors
        assert len(outcomes) == THREADS

        def check():
            fresh = PrintStock.objects.get(pk=stock.pk)
            statuses = list(PrintRequest.objects.filter(stock=fresh).values_list("status", "copies"))
            return fresh.allocated, statuses

        allocated, statuses = _in_thread(check)
        held = sum(copies for status, copies in statuses if status in PrintRequest.ALLOCATING)
        assert allocated <= STOCK
        assert allocated == held
        assert sum(1 for status, _copies in statuses if status == "requested") == STOCK // COPIES
        assert sum(1 for status, _copies in statuses if status == "waiting") == THREADS - STOCK // COPIES
    finally:

        def cleanup():
            PrintRequest.objects.filter(stock_id=stock.pk).delete()
            PrintStock.objects.filter(pk=stock.pk).delete()

        _in_thread(cleanup)
