"""What the concurrency tests share: PostgreSQL only, and work done on a connection of its own.

The threads of a concurrency test must commit for the others to see their rows, so each runs
on its own connection, and the test removes what they added afterwards instead of flushing
every table (the tests after it still need the demo site). SQLite has no row locks and its
in-memory test database cannot be shared between threads, so these tests run on PostgreSQL.
"""

import threading

import pytest
from django.db import connections

# Left out on SQLite (tests/conftest.py), where the reason is printed.
postgres_only = pytest.mark.postgres(
    "concurrency is tested on PostgreSQL (production): SQLite has no row locks, and its in-memory "
    "test database cannot be shared between threads"
)


def in_thread(function, *args):
    """Run `function(*args)` on a connection of its own, which commits; re-raise what it raised."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function(*args)
        except Exception as exc:  # noqa: BLE001 - raised again in the calling thread
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
