"""WSGI entry point: gunicorn config.wsgi."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Refuse to serve with a configuration that would serve stale pages (caching/checks.py).
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

from caching.checks import startup_errors  # noqa: E402

if errors := startup_errors():
    raise ImproperlyConfigured(errors)

# Import every view module now, then exempt all these long-lived objects (modules,
# models, templates' code) from the garbage collector's full scans: otherwise a
# request that happens to trigger one pauses for tens of milliseconds.
import config.urls  # noqa: E402, F401

gc.freeze()
