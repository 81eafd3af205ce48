"""Browser tests: Debian's Chromium, driven by Playwright, against a real server.

A session fixture gives the server a database of its own (a SQLite file, or a
PostgreSQL database beside the test one when DATABASE_URL is set), a copy of the
run's demo build (tests/demo_database.py), and serves it with gunicorn. A missing
browser fails the tests: it never skips them.
"""

import os
from pathlib import Path

import pytest

from tests import servers

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    """The tests of this folder are browser tests (the hook sees every item). They spread over
    the xdist workers like the others; each worker that runs one starts its own server."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The demo site served by gunicorn on 127.0.0.1, its media beside it as the front web server
    serves them in production (tests/media_wsgi.py); yields its base URL."""
    env = servers.demo_site_env(tmp_path_factory.mktemp("browser-site"), "browser")
    try:
        with servers.gunicorn(env, app="tests.media_wsgi") as base_url:
            yield base_url
    finally:
        servers.drop_database(env["DATABASE_URL"])


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
