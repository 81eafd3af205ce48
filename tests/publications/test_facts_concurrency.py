"""Copy requests through the English and French pages of one publication, at once,
never allocate more than the copies printed on its source page, even while the
French copy is saved with a print run of its own (PostgreSQL).

As in test_concurrency.py, each thread has its own connection and commits; what
the threads change is put back by the threads' own connections afterwards.
"""

import threading

import pytest
from django.db import connections

from publications.models import PrintRequest, PrintStock, PublicationPage
from tests.concurrency import in_thread, postgres_only

THREADS = 20
COPIES = 3
STOCK = 10


@postgres_only
@pytest.mark.django_db
def test_requests_through_two_languages_never_over_allocate_the_source_stock(publications):
    from publications import printing

    english, french = publications["en"], publications["fr"]

    def prepare():
        stock = PrintStock.objects.get(publication_key=english.translation_key)
        before = (stock.total, stock.allocated, french.printed_copies)
        PrintStock.objects.filter(pk=stock.pk).update(total=stock.allocated + STOCK)
        return stock.pk, before

    stock_id, (total_before, allocated_before, french_copies_before) = in_thread(prepare)
    barrier = threading.Barrier(THREADS + 1)
    outcomes, errors = [], []

    def request(number):
        try:
            page = PublicationPage.objects.get(pk=(english if number % 2 else french).pk)  # as a request loads it
            barrier.wait(timeout=30)
            data = {
                "name": f"Thread {number}",
                "email": f"copyrush{number}@example.org",
                "organisation": "",
                "sector": "other",
                "address": "Somewhere",
                "country": "BE",
                "copies": COPIES,
            }
            outcomes.append(printing.request_copies(page.stock, data, page.locale.language_code, "http://t/").status)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    def fork_french_print_run():
        try:
            page = PublicationPage.objects.get(pk=french.pk)
            page.printed_copies = 10_000  # a stopped translation's own print run
            barrier.wait(timeout=30)
            page.save()
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    try:
        threads = [threading.Thread(target=fork_french_print_run)]
        threads += [threading.Thread(target=request, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not errors, errors
        assert len(outcomes) == THREADS

        def check():
            stock = PrintStock.objects.get(pk=stock_id)
            mine = PrintRequest.objects.filter(stock=stock, email__startswith="copyrush")
            return stock.total, stock.allocated, list(mine.values_list("status", "copies", "language"))

        total, allocated, requests = in_thread(check)
        assert total == allocated_before + STOCK  # the French print run changed nothing
        assert allocated <= total
        held = sum(copies for status, copies, _language in requests if status in PrintRequest.ALLOCATING)
        assert allocated - allocated_before == held == (STOCK // COPIES) * COPIES
        assert sum(1 for status, *_rest in requests if status == "waiting") == THREADS - STOCK // COPIES
        assert {language for *_rest, language in requests} == {"en", "fr"}
    finally:

        def cleanup():
            PrintRequest.objects.filter(stock_id=stock_id, email__startswith="copyrush").delete()
            PrintStock.objects.filter(pk=stock_id).update(total=total_before, allocated=allocated_before)
            PublicationPage.objects.filter(pk=french.pk).update(printed_copies=french_copies_before)

        in_thread(cleanup)
