"""Two app servers side by side, as in production: one PostgreSQL database, one Redis.

A page cached by server B is dropped as soon as a page is published through server
A's admin, so B serves the new content at once: invalidation crosses processes.
Runs on PostgreSQL (a second process cannot share the in-memory SQLite test
database); CI runs the suite on PostgreSQL too.
"""

import http.client
import json
import os
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest

from tests import servers

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/7")

pytestmark = pytest.mark.postgres("two gunicorn servers must share the database")


def redis_client():
    import redis

    return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)


class Visitor:
    """A minimal HTTP client: keeps cookies itself (the session cookie is Secure, and the
    servers are reached over plain HTTP behind a pretend TLS proxy) and follows no redirects."""

    def __init__(self, base_url):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = {}

    def request(self, method, path, data=None):
        origin = f"https://{self.host}:{self.port}"
        headers = {"X-Forwarded-Proto": "https", "Host": f"{self.host}:{self.port}"}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if data is not None:
            body = urlencode(data, doseq=True)
            headers.update(
                {"Content-Type": "application/x-www-form-urlencoded", "Referer": origin + path, "Origin": origin}
            )
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, content

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data})


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    try:
        redis_client().ping()
    except Exception as error:  # any failure to connect means there is no Redis to use
        pytest.fail(f"needs Redis at {REDIS_URL} (start it, or set REDIS_TEST_URL): {error}")
    tmp_path = tmp_path_factory.mktemp("scale-out")
    env = servers.demo_site_env(tmp_path, "scaleout")
    prefix = f"steps-scaleout-{uuid.uuid4().hex[:12]}"
    production = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "SECURE_SSL_REDIRECT": "0",
        "RATELIMIT_ENABLE": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SUPERUSER_PASSWORD": "scale-out-pass",
        # Production requires the badge key folder: the demo's badges were signed with the test keys.
        "BADGES_KEY_DIR": str(servers.BASE_DIR / ".test-keys"),
    }
    servers.manage(production, "collectstatic", "--noinput", "-v0")
    servers.manage(production, "createsuperuser", "--noinput", "--username", "ops", "--email", "ops@example.org")
    ready = {"X-Forwarded-Proto": "https"}
    try:
        with (
            servers.gunicorn(production, ready_headers=ready) as a,
            servers.gunicorn(production, ready_headers=ready) as b,
        ):
            yield {"a": a, "b": b, "env": production}
    finally:
        client = redis_client()
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        servers.drop_database(env["DATABASE_URL"])


def draft_new_title(env):
    """Save a draft (not published) of an English standard page with a new title, in a third
    process; returns the page's id, address and new title."""
    script = (
        "import json, uuid\n"
        "from home.models import StandardPage\n"
        "page = StandardPage.objects.live().filter(locale__language_code='en').order_by('path').first()\n"
        "page.title = 'Changed ' + uuid.uuid4().hex[:8]\n"
        "page.save_revision()\n"
        "print(json.dumps({'id': page.pk, 'url': page.get_url(), 'title': page.title}))\n"
    )
    result = servers.manage(env, "shell", "-c", script)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_publishing_through_one_server_refreshes_the_pages_cached_by_the_other(cluster):
    admin = Visitor(cluster["a"])
    visitor = Visitor(cluster["b"])

    # The editor signs in on server A.
    admin.get("/admin/login/")
    response, _ = admin.post("/admin/login/", {"username": "ops", "password": "scale-out-pass", "next": "/admin/"})
    assert response.status == 302 and "sessionid" in admin.cookies

    draft = draft_new_title(cluster["env"])
    path = urlsplit(draft["url"]).path

    # Server B caches the page (the second visit is served from Redis)…
    first, html = visitor.get(path)
    assert first.status == 200 and first.headers["X-Page-Cache"] == "miss"
    assert draft["title"] not in html
    second, _ = visitor.get(path)
    assert second.headers["X-Page-Cache"] == "hit"

    # …and keeps serving it while the change is only a draft.
    unchanged, html = visitor.get(path)
    assert unchanged.headers["X-Page-Cache"] == "hit" and draft["title"] not in html

    # The editor publishes the draft through server A's admin.
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={draft['id']}&next=/admin/"
    confirm, _ = admin.get(bulk)
    assert confirm.status == 200
    published, _ = admin.post(bulk, {})
    assert published.status == 302

    # Server B serves the new content within PAGE_CACHE_CHECK_SECONDS (1 s), the
    # longest a process goes without reading the content version from Redis.
    deadline = time.monotonic() + 3
    while True:
        fresh, html = visitor.get(path)
        if draft["title"] in html or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert fresh.status == 200 and fresh.headers["X-Page-Cache"] == "miss"
    assert draft["title"] in html
