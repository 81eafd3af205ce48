"""A shared cache of whole public pages for anonymous visitors.

Served from the second middleware layer, before sessions, authentication and
Wagtail's routing run. Each process also keeps the pages it served lately in its
own memory (`RecentPages`), under the same versioned keys, so a page served
again costs one small read of the version from the shared cache. Keyed by host,
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
import threading
import time
from collections import OrderedDict

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


def forget(request):
    """Drop the cached copy of this request's page (shared and in this process), e.g. to measure a render."""
    key = cache_key(request, current_version())
    _cache().delete(key)
    recent_pages.forget(key)


class RecentPages:
    """The pages one process served lately, by their versioned cache key, within a byte budget.

    A key names one version of one address, so an entry can never be stale: a
    publish moves the version on and the old keys are simply not asked for again
    (the least recently used go first when the budget is full). Entries also end
    when their page's lifetime does.
    """

    def __init__(self, budget_bytes):
        self.budget = budget_bytes
        self.used = 0
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            stored = self._entries.get(key)
            if stored is None:
                return None
            if stored["expires"] <= time.time():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return stored

    def put(self, key, stored):
        size = len(stored["content"])
        if size > self.budget:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = stored
            self.used += size
            while self.used > self.budget:
                self._drop(next(iter(self._entries)))

    def forget(self, key):
        with self._lock:
            if key in self._entries:
                self._drop(key)

    def _drop(self, key):
        self.used -= len(self._entries.pop(key)["content"])


recent_pages = RecentPages(getattr(settings, "PAGE_CACHE_LOCAL_MB", 32) * 1024 * 1024)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        version = current_version()
        key = cache_key(request, version)
        stored = recent_pages.get(key)
        if stored is None:
            stored = _cache().get(key)
            if stored is not None and stored.get("expires", 0) > time.time():
                recent_pages.put(key, stored)
        if stored is not None:
            return self._rebuild(stored)
        response = self.get_response(request)
        if cacheable_response(request, response):
            lifetime = page_lifetime(response)
            cdn_seconds = min(lifetime, _cdn_seconds())
            stored = self._freeze(response, cdn_seconds, expires=time.time() + lifetime)
            _cache().set(key, stored, timeout=lifetime)
            recent_pages.put(key, stored)
            response["X-Page-Cache"] = "miss"
            # A CDN may keep the page briefly and refresh it in the background; the
            # browser always asks again, so a publish shows at the next visit.
            response["Cache-Control"] = _cdn_cache_control(cdn_seconds)
        return response

    @staticmethod
    def _freeze(response, cdn_seconds, expires):
        headers = {name: response[name] for name in CACHED_HEADERS if name in response}
        return {"content": response.content, "headers": headers, "cdn_seconds": cdn_seconds, "expires": expires}

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
