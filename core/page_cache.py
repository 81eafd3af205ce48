"""A shared cache of whole public pages for anonymous visitors.

Served from the second middleware layer, before sessions, authentication and
Wagtail's routing run, so a cached page costs one cache read. Keyed by host,
path (which carries the language prefix) and query string, and by a site-wide
version number: any change a visitor could see (a page published, unpublished,
moved or deleted, a snippet saved, a registration or a copy request) bumps the
version, so no page is ever served stale. Editors, who carry a session cookie,
always get fresh pages; so does any response that sets a cookie or depends on
one (a form with a CSRF token).
"""

import functools
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

VERSION_KEY = "page-cache:version"
CACHED_HEADERS = ("Content-Type", "Content-Language", "Link")


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def current_version():
    version = _cache().get(VERSION_KEY)
    if version is None:
        # A cache that lost its keys (a restart, a flush) starts from a number never
        # used before, so what processes remember of an older version is never reused.
        start = time.time_ns() // 1000
        _cache().add(VERSION_KEY, start, timeout=None)
        version = _cache().get(VERSION_KEY, start)
    return version


def bump_version(*args, **kwargs):
    """Invalidate every cached page at once (signal receiver friendly)."""
    try:
        _cache().incr(VERSION_KEY)
    except ValueError:  # no version yet: any fresh one will do
        current_version()


def per_version(function):
    """Keep `function(*args)` in process memory until the content version changes.

    For facts derived from many rows that every request would otherwise read
    again (all the competence links of a language, say): each process keeps the
    result of the current version only, so a publish anywhere refreshes it at
    the next call, in every process. Without the page cache (development,
    tests) there is no shared version to trust, and the function always runs.
    """
    memory = {}

    @functools.wraps(function)
    def remembered(*args):
        if not enabled():
            return function(*args)
        version = current_version()
        if memory.get("version") != version:
            memory.clear()
            memory["version"] = version
        if args not in memory:
            memory[args] = function(*args)
        return memory[args]

    remembered.forget = memory.clear
    return remembered


def _prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def cacheable_request(request):
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and request.path.startswith(_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A page that rendered a CSRF token belongs to one visitor. (Pages also say
    # "Vary: Cookie" because templates look at request.user; requests with a
    # session cookie never reach the cache, so that alone is no reason to skip.)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def cache_key(request, version):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    return f"page-cache:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        version = current_version()
        key = cache_key(request, version)
        stored = _cache().get(key)
        if stored is not None:
            return self._rebuild(stored)
        response = self.get_response(request)
        if cacheable_response(request, response):
            lifetime = page_lifetime(response)
            cdn_seconds = min(lifetime, _cdn_seconds())
            _cache().set(key, self._freeze(response, cdn_seconds), timeout=lifetime)
            response["X-Page-Cache"] = "miss"
            # A CDN may keep the page briefly and refresh it in the background; the
            # browser always asks again, so a publish shows at the next visit.
            response["Cache-Control"] = _cdn_cache_control(cdn_seconds)
        return response

    @staticmethod
    def _freeze(response, cdn_seconds):
        headers = {name: response[name] for name in CACHED_HEADERS if name in response}
        return {"content": response.content, "headers": headers, "cdn_seconds": cdn_seconds}

    def _rebuild(self, stored):
        # The hit path: one response built from the stored headers, with the
        # CDN's Cache-Control worked out once per process rather than parsed anew.
        cache_control = _cdn_cache_control(stored.get("cdn_seconds", _cdn_seconds()))
        headers = {**stored["headers"], "X-Page-Cache": "hit", "Cache-Control": cache_control}
        return HttpResponse(stored["content"], headers=headers)


def page_lifetime(response):
    """How long a page is kept: PAGE_CACHE_SECONDS, or less if the page itself asks
    for a shorter `s-maxage` (figures that change without a publish, for example)."""
    seconds = getattr(settings, "PAGE_CACHE_SECONDS", 600)
    asked = re.search(r"s-maxage=(\d+)", response.get("Cache-Control", ""))
    return min(seconds, int(asked.group(1))) if asked else seconds


def _cdn_seconds():
    return getattr(settings, "PAGE_CACHE_CDN_SECONDS", 60)


@functools.lru_cache(maxsize=8)
def _cdn_cache_control(s_maxage):
    """The Cache-Control of a page served from the cache (the same for every page)."""
    response = HttpResponse()
    patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage, stale_while_revalidate=30)
    return response["Cache-Control"]
