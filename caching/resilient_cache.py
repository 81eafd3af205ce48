"""Django's Redis cache backend, made to degrade rather than fail when Redis is away.

The site keeps nothing in Redis that it cannot rebuild: whole pages, memos,
rate-limit counters. So when Redis cannot be reached, a request should be
served without them rather than answered with a 500. This backend is Django's
own `RedisCache` with its public methods wrapped: a connection error or time-out
is logged, answered as a cache miss (`get` gives the default, `add` and `set`
give False, `incr` raises ValueError as for a missing key), and Redis is left
alone for `BACKOFF_SECONDS` (5 by default) so that no request waits on a
time-out while it is away. `reachable()` tells callers (the page cache) whether
the last contact worked.

Why not django-redis's IGNORE_EXCEPTIONS: it has no back-off, so every request
would wait for its own time-out while Redis is unreachable, and it would add a
second Redis client library beside the one Django uses.

Options (CACHES[...]["OPTIONS"]) go to redis-py's connection pool as with Django's
backend; set `socket_connect_timeout` and `socket_timeout` low (the production
settings use 0.25 s), and `BACKOFF_SECONDS` in the cache's top-level dict.
"""

import functools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


def _degrading(default):
    """Run the wrapped method unless Redis is known to be away; on failure, give `default`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if not self.reachable():
                return _answer(default, args)
            try:
                return method(self, *args, **kwargs)
            except self._redis_errors as error:
                self._went_away(error)
                return _answer(default, args)

        return wrapper

    return decorate


def _answer(default, args):
    if default is KeyError:  # incr/decr: what a missing key gives
        raise ValueError(f"Key {args[0]!r} not available: the cache cannot be reached.")
    if default is _DEFAULT_ARGUMENT:  # get(key, default=None)
        return args[1] if len(args) > 1 else None
    return default() if callable(default) else default


_DEFAULT_ARGUMENT = object()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        self.backoff_seconds = float(params.pop("BACKOFF_SECONDS", 5))
        super().__init__(server, params)
        # Named in the log without any password the URL may carry.
        parts = urlsplit(server.split(",")[0])
        self.location = f"{parts.hostname}:{parts.port or 6379}"
        import redis

        self._redis_errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
        self._away_until = 0.0
        self._lock = threading.Lock()

    def reachable(self):
        return time.monotonic() >= self._away_until

    def _went_away(self, error):
        with self._lock:
            first = self.reachable()
            self._away_until = time.monotonic() + self.backoff_seconds
        if first:
            logger.error(
                "The cache at %s cannot be reached (%s): pages are served uncached; trying again in %s s.",
                self.location,
                error,
                self.backoff_seconds,
            )

    @_degrading(_DEFAULT_ARGUMENT)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrading(False)
    def add(self, *args, **kwargs):
        return super().add(*args, **kwargs)

    @_degrading(False)
    def set(self, *args, **kwargs):
        return super().set(*args, **kwargs)

    @_degrading(False)
    def touch(self, *args, **kwargs):
        return super().touch(*args, **kwargs)

    @_degrading(False)
    def delete(self, *args, **kwargs):
        return super().delete(*args, **kwargs)

    @_degrading(dict)
    def get_many(self, *args, **kwargs):
        return super().get_many(*args, **kwargs)

    @_degrading(False)
    def has_key(self, *args, **kwargs):
        return super().has_key(*args, **kwargs)

    @_degrading(KeyError)
    def incr(self, *args, **kwargs):
        return super().incr(*args, **kwargs)

    @_degrading(list)
    def set_many(self, *args, **kwargs):
        return super().set_many(*args, **kwargs)

    @_degrading(None)
    def delete_many(self, *args, **kwargs):
        return super().delete_many(*args, **kwargs)

    @_degrading(False)
    def clear(self):
        return super().clear()


def reachable(cache):
    """Whether `cache` answered at its last contact (always true of caches that cannot go away)."""
    check = getattr(cache, "reachable", None)
    return check() if check is not None else True
