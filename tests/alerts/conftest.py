"""The alerts' tests: the outbox as in production (database queue, a worker, a local SMTP server)."""

import re

import pytest

from tests.outbox.conftest import outbox_settings, run_worker, smtp_server  # noqa: F401 - fixtures and helpers


@pytest.fixture
def subscribe_data():
    return {"email": "reader@example.org", "kinds": ["methods", "films"], "consent": "on", "website_url": ""}


def link_in(message, path_part):
    """The first link in a message's text that contains `path_part`."""
    body = message.get_body(("plain",)).get_content() if hasattr(message, "get_body") else message.body
    found = re.search(r"https?://\S*" + re.escape(path_part) + r"\S*", body)
    assert found, f"no {path_part} link in:\n{body}"
    return found.group(0)


def path_of(url):
    from urllib.parse import urlsplit

    return urlsplit(url).path


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Each test starts with no counted attempts; the rate-limit test switches the limits on itself."""
    from django.core.cache import cache

    cache.clear()
    settings.RATELIMIT_ENABLE = False
