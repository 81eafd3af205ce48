"""A shared cache of whole public responses for anonymous visitors.

Served from an early middleware layer, before sessions, authentication and
Wagtail's routing run. What it promises:

- **Fidelity.** A hit answers with the status, headers and body of the response
  that was stored; only `Date` and the `X-Page-Cache` marker differ. Only whole,
  non-streaming 200 answers to GET are stored, and only when they set no cookie
  and render no CSRF token or script nonce: HEAD, file, range (206) and streaming
  responses never are. The page cache sits below the security middleware and above
  the policy headers' (CSP, Permissions-Policy), so a hit carries the policies the
  page was served with, without building them again. A stored page answers a HEAD with its headers and no body.
- **A bounded key space.** The key is the host (lower case, one of ALLOWED_HOSTS),
  the path, and the values of the query parameters the page reads: each process
  learns which parameters a path's view asks for (`request.GET` records what is
  read during a render), and drops the others from the key, so `?x=1`, `?x=2`…
  all get the page without them. A render of a request that carried a parameter
  its view never asked for is not stored (the page might echo it). Each path keeps
  at most `PAGE_CACHE_MAX_VARIANTS` stored variants per content version. The
  values of the settings named in `PAGE_CACHE_KEY_SETTINGS` (archive mode) are
  part of the key too: a process started with other values never serves a page
  stored under the old ones. A session cookie that is invalid or expired does
  not bypass the cache; only a live session (an editor, or a visitor with a message to show) does.
- **Precise invalidation.** Entries carry the content version in their key and
  the versions of the tags they depend on (caching/content_version.py): a publish
  renews every page, a registration only the pages that show that event's places.
- **Degrade, don't fail.** When the shared cache cannot be reached, requests are
  served uncached (caching/resilient_cache.py logs it and backs off).

Each process also keeps the pages it served lately in its own memory
(`RecentPages`), under the same versioned keys, so a page served again costs no
round trip to the shared cache while the versions are known to hold.
"""

import functools
import hashlib
import re
import threading
import time
from collections import OrderedDict
from importlib import import_module

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control

from caching import content_version
from caching.content_version import current_version, enabled, shared_cache
from caching.resilient_cache import reachable

# Set by the server or by the cache for each answer, never stored.
UNSTORED_HEADERS = {"date", "x-page-cache", "set-cookie"}
MAX_LEARNED_PARAMETERS = 24


def _prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


# Which requests and responses ----------------------------------------------------------------


def _live_session(request):
    """Whether the request's session cookie names a live, non-empty session (an editor's, say)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    try:
        return bool(store.load())
    except Exception:  # a session store that cannot answer: treat the visitor as signed in, uncached
        return True


def cacheable_request(request):
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and request.path.startswith(_prefixes())
        and not _live_session(request)
    )


def cacheable_response(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A page that rendered a CSRF token belongs to one visitor. (Pages also say
    # "Vary: Cookie" because templates look at request.user; requests with a
    # live session never reach the cache, so that alone is no reason to skip.)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    # A script nonce is worth something only if each answer has its own.
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


# Keys ---------------------------------------------------------------------------------------


class RecordingQueryDict(QueryDict):
    """request.GET that notes which parameters the view asks for, present or not."""

    def __init__(self, *args, **kwargs):
        self.asked = set()
        super().__init__(*args, **kwargs)
        self.asked = set()  # what parsing the query string looked at is not the view's asking

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.asked.add(key)
        return super().getlist(key, default)

    def __deepcopy__(self, memo):
        # A copy (for links with one parameter changed) records nothing of its own.
        copied = super().__deepcopy__(memo)
        copied.asked = set()
        return copied


class ParameterMemory:
    """The query parameters each path's view asks for, learned from this process's renders."""

    def __init__(self, size=20_000):
        self.size = size
        self._paths = OrderedDict()
        self._lock = threading.Lock()

    def get(self, place):
        return self._paths.get(place, frozenset())

    def learn(self, place, asked):
        with self._lock:
            known = self._paths.get(place, frozenset()) | frozenset(asked)
            self._paths[place] = known
            self._paths.move_to_end(place)
            while len(self._paths) > self.size:
                self._paths.popitem(last=False)
            return known


parameters = ParameterMemory()


def _place(request):
    """(host, path) in the form the key uses, or None for a host the site does not serve."""
    try:
        host = request.get_host()  # validated against ALLOWED_HOSTS
    except DisallowedHost:
        return None
    return host.lower().rstrip("."), request.path


def _site_state():
    """The values of the settings that change what every page says (PAGE_CACHE_KEY_SETTINGS,
    e.g. archive mode): a page stored under other values is never served."""
    return tuple(repr(getattr(settings, name, None)) for name in getattr(settings, "PAGE_CACHE_KEY_SETTINGS", ()))


def _key(version, place, query, names):
    kept = sorted((name, query.getlist(name)) for name in names if name in query)
    raw = repr((place, sorted(names), kept, _site_state()))
    return f"page-cache:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cache_key(request, version):
    place = _place(request)
    return _key(version, place, request.GET, parameters.get(place))


def forget(request):
    """Drop the cached copy of this request's page (shared and in this process), e.g. to measure a render."""
    version = current_version()
    if version is None:
        return
    key = cache_key(request, version)
    shared_cache().delete(key)
    recent_pages.forget(key)


# Each process's memory ----------------------------------------------------------------------


class RecentPages:
    """The pages one process served lately, by their versioned cache key, within a byte budget.

    A key names one version of one address, so an entry is never stale as to
    editors' changes: a publish moves the version on and the old keys are simply
    not asked for again (the least recently used go first when the budget is
    full). Tags are checked on every hit; entries also end with their lifetime.
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

    def clear(self):
        with self._lock:
            self._entries.clear()
            self.used = 0

    def _drop(self, key):
        self.used -= len(self._entries.pop(key)["content"])


recent_pages = RecentPages(getattr(settings, "PAGE_CACHE_LOCAL_MB", 32) * 1024 * 1024)


# The middleware -----------------------------------------------------------------------------


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        place = _place(request)
        version = current_version() if place is not None else None
        if version is None:  # a host we do not serve (Django answers 400), or the cache is away
            return self.get_response(request)
        query = request.GET
        key = _key(version, place, query, parameters.get(place))
        stored = self._lookup(key)
        if stored is not None:
            return _rebuild(stored, head=request.method == "HEAD")
        return self._render_and_store(request, version, place, query)

    @staticmethod
    def _lookup(key):
        stored = recent_pages.get(key)
        if stored is None:
            stored = shared_cache().get(key)
            if stored is None or stored.get("expires", 0) <= time.time():
                return None
            recent_pages.put(key, stored)
        if stored["tags"]:
            now = content_version.tag_versions(list(stored["tags"]))
            if now != stored["tags"]:
                return None
        return stored

    def _render_and_store(self, request, version, place, query):
        recording = RecordingQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        request.GET = recording
        token = content_version.start_recording()
        try:
            response = self.get_response(request)
        finally:
            tags = content_version.stop_recording(token)
        if not cacheable_response(request, response) or None in tags.values():
            return response
        names = parameters.learn(place, recording.asked)
        if set(query) - names or len(names) > MAX_LEARNED_PARAMETERS:
            # The page never asked for some parameter, yet might echo it (a link
            # keeping the query): serve this render, store only renders without one.
            return response
        key = _key(version, place, query, names)
        if query and not _room_for_variant(version, place):
            return response
        if "max-age" not in response.get("Cache-Control", "") or "max-age=0" in response["Cache-Control"]:
            # A CDN may keep the page briefly and refresh it in the background; the
            # browser always asks again, so a publish shows at the next visit.
            response["Cache-Control"] = _cdn_cache_control(min(page_lifetime(response), _cdn_seconds()))
        response["X-Page-Cache"] = "miss"
        stored = _freeze(response, tags, expires=time.time() + page_lifetime(response))
        shared_cache().set(key, stored, timeout=page_lifetime(response))
        if reachable(shared_cache()):
            recent_pages.put(key, stored)
        return response


def _room_for_variant(version, place):
    """Whether one more query variant of this path may be stored under this version."""
    counter = f"page-cache:{version}:variants:{hashlib.sha256(repr(place).encode()).hexdigest()}"
    cache = shared_cache()
    cache.add(counter, 0, timeout=getattr(settings, "PAGE_CACHE_SECONDS", 600))
    try:
        count = cache.incr(counter)
    except ValueError:
        return False
    return count <= getattr(settings, "PAGE_CACHE_MAX_VARIANTS", 100)


def _freeze(response, tags, expires):
    headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
    return {
        "status": response.status_code,
        "content": response.content,
        "headers": headers,
        "tags": dict(tags),
        "expires": expires,
    }


def _rebuild(stored, head=False):
    response = HttpResponse(b"" if head else stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def page_lifetime(response):
    """How long a page is kept: PAGE_CACHE_SECONDS, or less if the page itself asks
    for a shorter `s-maxage` (figures that change without a publish, for example)."""
    seconds = getattr(settings, "PAGE_CACHE_SECONDS", 600)
    asked = re.search(r"s-maxage=(\d{1,9})", response.get("Cache-Control", ""))
    return min(seconds, int(asked.group(1))) if asked else seconds


def _cdn_seconds():
    return getattr(settings, "PAGE_CACHE_CDN_SECONDS", 60)


@functools.lru_cache(maxsize=8)
def _cdn_cache_control(s_maxage):
    """The Cache-Control of a page kept by the cache (the same for every page)."""
    response = HttpResponse()
    patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage, stale_while_revalidate=30)
    return response["Cache-Control"]
