"""When the cache behind the site fails, visitors still get pages; a wrong production does not start."""

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

from caching import content_version

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_away(settings):
    """The page cache on, with its Redis at an address where nothing listens."""
    settings.PAGE_CACHE_ENABLED = True
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "caching.resilient_cache.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
                "BACKOFF_SECONDS": 30,
                "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
            }
        }
    ):
        content_version.forget_known()
        yield caches["default"]
    content_version.forget_known()


def test_with_redis_away_pages_are_served_uncached_and_the_failure_is_logged(client, redis_away, caplog):
    with caplog.at_level(logging.ERROR, logger="caching.resilient_cache"):
        responses = [client.get("/en/"), client.get("/en/"), client.get("/fr/")]
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert all("X-Page-Cache" not in response for response in responses)
    assert not redis_away.reachable()
    # Logged once, then left alone for the back-off: no request waits on a time-out.
    assert len([record for record in caplog.records if "cannot be reached" in record.message]) == 1


def test_while_redis_is_away_requests_do_not_wait_for_it(client, redis_away):
    client.get("/en/")  # finds Redis away
    started = time.monotonic()
    for _ in range(5):
        assert client.get("/en/about/").status_code == 200
    # Five pages that each waited for a connection time-out would take over a second.
    assert not redis_away.reachable()
    assert time.monotonic() - started < 5


def test_with_redis_away_a_registration_is_taken_not_refused(client, redis_away, django_capture_on_commit_callbacks):
    from events.models import EventPage, Registration
    from tests.events.conftest import registration_data

    event = next(page for page in EventPage.objects.live().filter(locale__language_code="en") if page.registration_open)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + event.reverse_subpage("register"), registration_data())
    assert response.status_code in (200, 302)
    assert Registration.objects.filter(email="ada@example.org").exists()


def test_a_change_made_while_redis_was_away_is_recorded_when_it_returns(settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    content_version.forget_known()
    before = content_version.current_version()
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "caching.resilient_cache.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            }
        }
    ):
        content_version.bump_version()  # cannot reach the shared cache
        assert content_version.current_version() is None
    content_version.forget_known()
    assert cache.get(content_version.VERSION_KEY) == before  # the shared cache missed the change…
    assert content_version.current_version() != before  # …and gets it at the next contact


# A wrong production ----------------------------------------------------------------------------


def test_the_page_cache_with_a_process_local_cache_fails_the_checks(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from caching.checks import startup_errors

    settings.DEBUG = False
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "core.E001" in startup_errors()
    with pytest.raises(SystemCheckError, match="private to each process"):
        call_command("check")
    settings.PAGE_CACHE_SINGLE_PROCESS = True
    assert startup_errors() == ""


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "PAGE_CACHE_ENABLED", "PAGE_CACHE_SINGLE_PROCESS")
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "steps.example.org",
        "BADGES_KEY_DIR": str(BASE_DIR / ".test-keys"),
        **extra,
    }


def test_production_without_redis_refuses_to_start():
    started = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode != 0
    assert "core.E001" in started.stderr and "REDIS_URL" in started.stderr


def test_production_as_one_declared_process_starts_without_redis():
    started = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=BASE_DIR,
        env=production_env(PAGE_CACHE_SINGLE_PROCESS="true"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode == 0, started.stderr
