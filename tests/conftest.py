"""Shared fixtures: the test database is a copy of the demo site, built once.

The demo is built once (tests/demo_database.py) and each test session, or each xdist worker,
starts from a copy of it. Tests that use the database run inside a transaction that is rolled
back, so each one starts from the same demo site in English, French and Dutch.
"""

import os
import sqlite3

import pytest
from django.conf import settings
from django.utils import translation

from tests import demo_database, module_data, servers


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings, tmp_path_factory):
    """The session's test database, a copy of the demo build, with a copy of its media files.

    SQLite: an in-memory database (as Django's own test database), filled from the build's
    file. PostgreSQL: `test_<name>` (with the xdist worker's suffix) from the build as template.
    """
    from django.db import connections
    from django.test.utils import override_settings

    demo = demo_database.demo()
    connection = connections["default"]
    settings_dict = connection.settings_dict
    original_name = settings_dict["NAME"]
    keeper = None
    with django_db_blocker.unblock():
        connection.close()
        if servers.is_postgres(demo.database_url):
            name = settings_dict.get("TEST", {}).get("NAME") or f"test_{original_name}"
            demo.copy_database(demo_database.with_database(demo.database_url, name))
        else:
            # Shared cache: the threads of a test reach the same database, as with Django's.
            name = f"file:steps_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}?mode=memory&cache=shared"
            keeper = sqlite3.connect(name, uri=True)  # the database lives while a connection is open
            demo_database.copy_sqlite(demo_database.sqlite_path(demo.database_url), keeper)
        settings_dict["NAME"] = name
    media = override_settings(MEDIA_ROOT=str(demo.copy_media(tmp_path_factory.mktemp("demo-media") / "media")))
    media.enable()
    yield
    media.disable()
    with django_db_blocker.unblock():
        for each in connections.all():
            each.close()
        settings_dict["NAME"] = original_name
        if keeper is None:
            servers.drop_database(demo_database.with_database(demo.database_url, name))
        else:
            keeper.close()


@pytest.fixture(scope="session")
def demo_crawl(django_db_setup, django_db_blocker):
    """{path: CrawledPage} of every page of the demo reachable from its home pages, read once
    (tests/demo_crawl.py); only the tests in its xdist group may use it. Read-only."""
    from django.test import Client

    from tests.demo_crawl import crawl
    from tests.languages import WRITTEN

    with django_db_blocker.unblock():
        return crawl(Client(), WRITTEN)


@pytest.fixture(autouse=True)
def start_in_the_source_language():
    """Requests activate their page's language in this thread (and some fixtures, outside any
    test, too): each test starts in the source language, whatever ran before it on this worker."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def forget_what_the_test_changed():
    """The site frame and the per-version facts are kept per content version, as in production
    (CONTENT_MEMOS_ENABLED in the test settings): move the version on after each test, whose
    changes to the database are rolled back, so the next test never reads what they left."""
    yield
    from caching import content_version

    content_version.bump_version()


@pytest.fixture
def production_caching(settings):
    """The page cache on, as in production, starting (and leaving) empty."""
    from django.core.cache import cache

    from caching import content_version, page_cache

    def empty():
        cache.clear()
        content_version.forget_known()
        page_cache.recent_pages.clear()

    empty()
    settings.PAGE_CACHE_ENABLED = True
    yield
    empty()


@pytest.fixture
def site(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def homes(db):
    """The live home page of each language, keyed by language code."""
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.live().select_related("locale")}


def pytest_report_header(config):
    if servers.using_postgres():
        return "database: PostgreSQL (DATABASE_URL): every test runs"
    return (
        "database: SQLite: the tests marked `postgres` are left out (deselected): row-locking concurrency, "
        "stemming and two servers sharing a database need PostgreSQL. They run with DATABASE_URL=postgres://… "
        "make test, as .ci/run does."
    )


def needs_the_demo(item):
    """Whether the test waits for the demo build: it uses the test database or a served copy."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(item.get_closest_marker("django_db")) or bool({"django_db_setup", "live_site"} & fixtures)


def flushes_the_database(item):
    """A transactional test empties every table afterwards: it runs last, as Django orders them."""
    marker = item.get_closest_marker("django_db")
    transaction = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    return transaction or bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def running_order(item):
    """The order xdist hands the tests out in (with --no-loadscope-reorder, as the Makefile runs
    it), the longest work first so that the workers finish together:
    - the tests that need no demo database, which run while it is being built;
    - the groups that share a slow session fixture (a crawl, a static copy, a backup);
    - the browser tests, which wait on a browser and a server;
    - the modules that share @module_data;
    - the rest, in the order of the files;
    - transactional tests, if any, last."""
    group = item.get_closest_marker("xdist_group")
    if group and group.args[0] != item.module.__name__:
        kind = 0
    elif "browser" in item.keywords:
        kind = 1
    elif group:
        kind = 2
    else:
        kind = 3
    return (flushes_the_database(item), needs_the_demo(item), kind)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Before the other plugins change the list: the PostgreSQL tests left out on SQLite, and the
    @module_data groups (before xdist reads the groups). After them (pytest-django's own order,
    transactional tests last, included): the tests sorted in their running order."""
    # Tests that need PostgreSQL are left out on SQLite (the header says which and why): they
    # are not skipped, they belong to the PostgreSQL run, which .ci/run makes.
    if not servers.using_postgres():
        left_out = [item for item in items if item.get_closest_marker("postgres")]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    # The tests of a module that share @module_data go to one xdist worker, which builds the data once.
    for item in items:
        if module_data.NAMES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
    yield
    items.sort(key=running_order)


def pytest_collection_finish(session):
    """Under `--dist loadgroup`, xdist sends a group's tests to one worker by appending the
    group's name to their node ids. Should an upgrade of pytest or pytest-xdist stop that from
    taking effect (pytest 9.2 with xdist 3.8 did), the session fixtures of a group would be
    built on every worker: fail at once rather than run slowly."""
    config = session.config
    if not hasattr(config, "workerinput") or config.getoption("dist", None) != "loadgroup":
        return
    for item in session.items:
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
            raise pytest.UsageError(
                f"pytest-xdist's loadgroup does not group {item.nodeid}: check the pytest and pytest-xdist versions."
            )
