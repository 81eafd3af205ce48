"""WSGI entry point: gunicorn config.wsgi."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Import every view module now, then exempt all these long-lived objects (modules,
# models, templates' code) from the garbage collector's full scans: otherwise a
# request that happens to trigger one pauses for tens of milliseconds.
import config.urls  # noqa: E402, F401

gc.freeze()
