"""Concurrent requests never allocate more copies than were printed (PostgreSQL).

Each thread has its own database connection and commits for real. The test does
not use `django_db(transaction=True)`: that flushes every table afterwards and
would wipe the demo site that the rest of the suite shares. Instead the rows are
made and removed by the threads' own connections, outside the test transaction.
"""

import threading
import uuid

import pytest
from django.db import connections

from publications.models import PrintRequest, PrintStock
from tests.concurrency import in_thread, postgres_only

THREADS = 20
COPIES = 3
STOCK = 10


@postgres_only
@pytest.mark.django_db
def test_concurrent_requests_never_over_allocate(publications):
    from publications import printing

    key = uuid.uuid4()
    stock = in_thread(lambda: PrintStock.objects.create(publication_key=key, title="Concurrency test", total=STOCK))
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

        allocated, statuses = in_thread(check)
        held = sum(copies for status, copies in statuses if status in PrintRequest.ALLOCATING)
        assert allocated <= STOCK
        assert allocated == held
        assert sum(1 for status, _copies in statuses if status == "requested") == STOCK // COPIES
        assert sum(1 for status, _copies in statuses if status == "waiting") == THREADS - STOCK // COPIES
    finally:

        def cleanup():
            PrintRequest.objects.filter(stock_id=stock.pk).delete()
            PrintStock.objects.filter(pk=stock.pk).delete()

        in_thread(cleanup)
