"""Factory data built once for all the tests of a module, then rolled back.

Most tests build what they need with factories in a function fixture, rolled back after each
test. Where the same data serves every test of a module and takes seconds to build (pages
translated into every language), `@module_data` builds it once:

    @module_data
    def library():
        "The case library of these tests."
        ...
        return {...}

The data is written inside a transaction opened for the module and rolled back after its last
test; each test's own transaction (pytest-django's `db`) is a savepoint inside it, so what a
test changes is still undone before the next. Tests that use such a fixture go to one xdist
worker together (tests/conftest.py groups them by module), so the data is built once per run.

Written here rather than taken from a library: pytest-django offers only function-scoped
database access (and Django's `setUpTestData` only to TestCase classes).
"""

import pytest

# The names of the fixtures made by @module_data, for tests/conftest.py to group their tests.
NAMES = set()


def module_data(build):
    """Make `build` (no arguments) a module-scoped fixture of the same name, rolled back after the module."""

    def fixture(django_db_setup, django_db_blocker):
        from django.conf import settings
        from django.db import transaction
        from django.utils import translation

        # Built in the source language, as a test's own fixtures are (tests/conftest.py).
        with django_db_blocker.unblock(), transaction.atomic():
            with translation.override(settings.LANGUAGE_CODE):
                data = build()
            yield data
            transaction.set_rollback(True)

    fixture.__doc__ = build.__doc__
    NAMES.add(build.__name__)
    return pytest.fixture(scope="module", name=build.__name__)(fixture)
