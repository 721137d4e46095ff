"""Django's RedisCache that degrades instead of failing when Redis cannot be reached.

Redis holds what must be shared by every app server (rate limits, reaction caps, the page
cache). When it is down, readers must still read and writers must lose nothing: a read
answers as a miss, a write is dropped, a counter answers as if its window had just started
and add() as if the key were new (so rate limits, caps and locks let the request through).
Every failure is logged at ERROR level, and for a few seconds after one the backend does
not try Redis again, so a dead server costs one connection timeout per process per pause
rather than one per cache call.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("blogsite.cache")

RETRY_AFTER_SECONDS = 5.0


class FailsafeRedisCache(RedisCache):
    _down_until = 0.0

    def _call(self, name, default, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return getattr(super(), name)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - redis-py raises several unrelated types
            if isinstance(exc, ValueError) and name in ("incr", "decr"):
                raise  # a missing key: the caller's own fallback
            FailsafeRedisCache._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.error(
                "Redis cache unavailable (%s: %s): %s skipped; rate limits and reaction "
                "caps are not enforced and the page cache is bypassed until it answers.",
                type(exc).__name__,
                exc,
                name,
            )
            return default

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def set(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("set", None, key, value, version=version, **kwargs)

    def set_many(self, data, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("set_many", [], data, version=version, **kwargs)

    def add(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        # True, as if the key were new: locks (allauth's rate limits) and counters go ahead.
        return self._call("add", True, key, value, version=version, **kwargs)

    def touch(self, key, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("touch", False, key, version=version, **kwargs)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # As if the counter had just been created: the limit lets this request through.
        return self._call("incr", delta, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", 0, key, delta, version)

    def clear(self):
        return self._call("clear", False)
