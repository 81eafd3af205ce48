"""Settings for the test suite: fast, isolated, no network."""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .env import env, env_bool

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 - never used outside tests
# One folder for the demo builds and the test sessions that copy them (tests/demo_database.py).
BADGES_KEY_DIR = str(BASE_DIR / ".test-keys")  # noqa: F405
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The outbox sends each e-mail as it is written, so tests read mail.outbox at once;
# tests/outbox switch to the database backend and run the worker themselves.
TASKS = {**TASKS, "outbox": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["outbox"]}}  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The suite builds the demo to test against (without its accounts: DEMO_USERS is off).
DEMO_ALLOWED = True
# Every read of the content version asks the cache, so a change shows at once in tests.
PAGE_CACHE_CHECK_SECONDS = 0
# Pages are rendered afresh (no page cache), but the site frame and the per-version facts are
# kept as in production, so the tests render pages the way production does on a cache miss.
# tests/conftest.py moves the version on after each test, whose changes are rolled back.
# The test servers of several processes (tests/servers.py) turn it off: their caches are private.
CONTENT_MEMOS_ENABLED = env_bool("CONTENT_MEMOS_ENABLED", True)
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
# A folder per xdist worker: a test that empties it never takes a file from another worker's test.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / ".test-private-media")) / os.environ.get(  # noqa: F405
    "PYTEST_XDIST_WORKER", "main"
)
STORAGES["private"] = {
    **STORAGES["private"],
    "OPTIONS": {**STORAGES["private"]["OPTIONS"], "location": PRIVATE_MEDIA_ROOT},
}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Login throttling off (client.login() has no request for django-axes to read);
# tests/ops/test_login_throttling.py switches it on.
AXES_ENABLED = False

# The browser tests serve the site with gunicorn: let whitenoise find static
# files in the apps and site/static without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
