"""System checks that refuse a configuration the site would run wrongly with.

`manage.py check` (and `migrate`, `runserver`) run them; config/wsgi.py runs the
ones tagged "page_cache" before the first request, so a wrong production fails
at start instead of serving stale pages.
"""

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


@checks.register("page_cache", checks.Tags.caches)
def page_cache_needs_a_shared_cache(app_configs=None, **kwargs):
    """With the page cache on in production, the cache must be one that every process shares.

    A process-local cache would keep each process's own copy of the content
    version: a publish or a take-down would reach one process, and the others
    would serve the old page until it expires.
    """
    if settings.DEBUG or not getattr(settings, "PAGE_CACHE_ENABLED", False):
        return []
    if getattr(settings, "PAGE_CACHE_SINGLE_PROCESS", False):
        return []
    alias = getattr(settings, "PAGE_CACHE_ALIAS", "default")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if backend not in PROCESS_LOCAL_BACKENDS:
        return []
    return [
        checks.Error(
            f"The page cache is on, but the '{alias}' cache ({backend.rsplit('.', 1)[-1]}) is private to each "
            "process: a publish would reach one process while the others keep serving the old page.",
            hint="Set REDIS_URL to a Redis that every process shares; or PAGE_CACHE_ENABLED=false; or, for a "
            "deployment of exactly one process, PAGE_CACHE_SINGLE_PROCESS=true.",
            id="core.E001",
        )
    ]


def startup_errors():
    """The page-cache checks' errors, as one message (for config/wsgi.py)."""
    errors = [message for message in checks.run_checks(tags=["page_cache"]) if message.is_serious()]
    return "\n".join(f"{error.id}: {error.msg} HINT: {error.hint}" for error in errors)
