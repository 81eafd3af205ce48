"""Versions that tell a cached page, or a remembered fact, from a stale one.

- **The content version**: one site-wide number that moves on with any change a
  visitor could see in many places (a page published, moved, deleted or made
  private, a snippet, a document, an image, a collection's privacy, a redirect,
  a setting; see caching/cache_invalidation.py). A cached page or a `per_version`
  memo of an older number is never used again.
- **Tags**: figures that change without an editor, such as an event's places or
  a publication's copies left, have a version of their own. A registration moves
  on `event:<translation key>` only, so the pages that show that event's places
  are rendered afresh while every other page stays cached. Code that reads such a
  figure calls `depends_on(tag)` first; the page cache keeps the tag's version
  with the page and serves the page only while it holds.

The numbers live in the shared cache (Redis in production), so a change made by
one process reaches all. Each process reads them at most once every
`PAGE_CACHE_CHECK_SECONDS` (1 by default), and sees its own changes at once: a
hit then costs no round trip to Redis, and a change made elsewhere shows within
that time. When the shared cache cannot be reached, `current_version()` is None
and callers work without caching; a change that could not be recorded then is
recorded at the next successful contact.
"""

import contextvars
import functools
import threading
import time

from django.conf import settings
from django.core.cache import caches

from caching.resilient_cache import reachable

VERSION_KEY = "page-cache:version"
TAG_PREFIX = "page-cache:tag:"

_known = {}  # shared-cache key -> (number, when it was read, on the monotonic clock)
_missed_bumps = set()  # keys whose bump could not reach the shared cache
_lock = threading.Lock()
_tags_of_render = contextvars.ContextVar("tags_of_render", default=None)


def shared_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled():
    """Pages are kept in the page cache (PAGE_CACHE_ENABLED)."""
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def memos_enabled():
    """Facts (`per_version`) and the site frame are kept per content version: wherever the page
    cache is on, or where CONTENT_MEMOS_ENABLED turns them on without it (the tests, whose
    every process sees its own changes at once, as PAGE_CACHE_CHECK_SECONDS=0 makes it)."""
    return enabled() or getattr(settings, "CONTENT_MEMOS_ENABLED", False)


def _check_seconds():
    return getattr(settings, "PAGE_CACHE_CHECK_SECONDS", 1.0)


def _fresh_start():
    # A cache that lost its keys (a restart, a flush) starts from a number never
    # used before, so nothing remembered of an older number is ever reused.
    return time.time_ns() // 1000


def _read(keys):
    """{key: number} for `keys`, from this process's memory when recent enough; None if unreachable."""
    now = time.monotonic()
    window = _check_seconds()
    numbers, stale = {}, []
    for key in keys:
        known = _known.get(key)
        if known is not None and now - known[1] < window:
            numbers[key] = known[0]
        else:
            stale.append(key)
    if not stale:
        return numbers
    cache = shared_cache()
    if not reachable(cache):
        return None
    if _missed_bumps:
        _replay_missed_bumps(cache)
    try:
        found = cache.get_many(stale)
        if not reachable(cache):
            return None
        for key in stale:
            if key not in found:
                cache.add(key, _fresh_start(), timeout=None)
                found[key] = cache.get(key)
                if found[key] is None:
                    return None
    except Exception:  # noqa: BLE001 - a cache that fails outright (not through ResilientCache) is away too
        return None
    with _lock:
        for key in stale:
            _known[key] = (found[key], now)
    numbers.update((key, found[key]) for key in stale)
    return numbers


def _incremented(cache, key):
    try:
        return cache.incr(key)
    except ValueError:  # no number yet, or the cache is away
        number = _fresh_start() if reachable(cache) else None
        if number is not None and not cache.add(key, number, timeout=None):
            number = cache.incr(key) if reachable(cache) else None
        return number


def _bump(key):
    cache = shared_cache()
    try:
        number = _incremented(cache, key)
    except Exception:  # noqa: BLE001 - a cache that fails outright: the bump is made at the next contact
        number = None
    with _lock:
        if number is None or not reachable(cache):
            _missed_bumps.add(key)
            _known.pop(key, None)
        else:
            _known[key] = (number, time.monotonic())


def _replay_missed_bumps(cache):
    with _lock:
        missed = list(_missed_bumps)
        _missed_bumps.clear()
    for key in missed:
        _bump(key)


def current_version():
    """The site-wide content version, or None when the shared cache cannot be reached."""
    numbers = _read([VERSION_KEY])
    return None if numbers is None else numbers[VERSION_KEY]


def bump_version(*args, **kwargs):
    """Move the content version on: every cached page and memo is renewed (signal receiver friendly)."""
    _bump(VERSION_KEY)


def tag_versions(tags):
    """{tag: number} for `tags`, or None when the shared cache cannot be reached."""
    numbers = _read([TAG_PREFIX + tag for tag in tags])
    if numbers is None:
        return None
    return {tag: numbers[TAG_PREFIX + tag] for tag in tags}


def bump_tags(tags):
    """Renew what depends on `tags` (e.g. "event:<key>") and nothing else."""
    for tag in tags:
        _bump(TAG_PREFIX + tag)


def forget_known():
    """Drop what this process remembers of the numbers (tests, after a flush)."""
    with _lock:
        _known.clear()


# What a page being rendered depends on ---------------------------------------------------------


def start_recording():
    """Collect the tags that the render about to start reads; returns a token for stop_recording."""
    return _tags_of_render.set({})


def stop_recording(token):
    """The tags read since start_recording, with the numbers they had then ({} if none)."""
    recorded = _tags_of_render.get()
    _tags_of_render.reset(token)
    return recorded or {}


def depends_on(*tags):
    """Declare that what is being rendered shows figures that `tags` renew.

    Call it before reading the figures: the number noted is then never newer than
    what was read, so a change in between only renews the page once more.
    """
    recorded = _tags_of_render.get()
    if recorded is None or not enabled():
        return
    missing = [tag for tag in tags if tag not in recorded]
    if not missing:
        return
    numbers = tag_versions(missing)
    for tag in missing:
        # None: the shared cache is away, and the page will not be stored.
        recorded[tag] = None if numbers is None else numbers[tag]


def per_version(function=None, *, tags=()):
    """Keep `function(*args)` in process memory until the content version (or one of `tags`) moves on.

    For facts derived from many rows that every request would otherwise read
    again (all the competence links of a language, say): each process keeps the
    results of the current numbers only, so a change anywhere refreshes them at
    the next call, in every process. A page that uses a fact with tags depends
    on those tags. Without the page cache (development), or when the shared cache is
    away, there is no number to trust and the function always runs.
    """
    if function is None:
        return functools.partial(per_version, tags=tuple(tags))
    memory = {}

    @functools.wraps(function)
    def remembered(*args):
        if not memos_enabled():
            return function(*args)
        if tags:
            depends_on(*tags)
        numbers = _read([VERSION_KEY, *(TAG_PREFIX + tag for tag in tags)])
        if numbers is None:
            return function(*args)
        stamp = tuple(sorted(numbers.items()))
        if memory.get("stamp") != stamp:
            memory.clear()
            memory["stamp"] = stamp
        if args not in memory:
            memory[args] = function(*args)
        return memory[args]

    remembered.forget = memory.clear
    return remembered
