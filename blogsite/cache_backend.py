"""Django's RedisCache that degrades instead of failing when Redis cannot be reached.

Redis holds what must be shared by every app server (rate limits, reaction caps, the page
cache). When it is down, readers must still read and writers must lose nothing: a read
answers as a miss, a write is dropped, a counter answers as if its window had just started
and add() as if the key were new (so rate limits, caps and locks let the request through).
Every failure is logged at ERROR level, and for a few seconds after one the backend does
not try Redis again, so a dead server costs one connection timeout per process per pause
rather than one per cache call.

Two costs of Django's RedisCache are cut here, since every cache call of a request pays them:
it builds a new redis.Redis client per call (redis-py fills a table of some 200 response
callbacks each time, more CPU than the round trip itself), where one client per connection
pool is enough (the pool is thread-safe, and so is the client outside pipelines); and
`incr_or_create_many` bumps many counters in one pipelined round trip, where add() then
incr() cost three each (incr checks that the key exists first); `incr_in_window` counts in a
window (the reaction cap) in one; and `get_with_reads` answers the page cache's lookup, an
entry and the values its last render read, in one (a small Lua script, below).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ResponseError

logger = logging.getLogger("blogsite.cache")

RETRY_AFTER_SECONDS = 5.0

# The page cache's lookup in one round trip: the entry (KEYS[1]) and the values of the keys
# named by KEYS[2], one per line as "full key<TAB>key as the caller named it" (the keys the
# page's last render read: blogsite.cachereads). Those keys are not declared as KEYS: fine
# on one Redis server (which this site uses), not on a Redis Cluster.
GET_WITH_READS = """
local entry = redis.call('GET', KEYS[1])
local record = redis.call('GET', KEYS[2])
if not record then return {entry} end
local keys = {}
for full in string.gmatch(record, '([^\\t\\n]+)\\t[^\\n]*') do keys[#keys + 1] = full end
if #keys == 0 then return {entry, record, {}} end
return {entry, record, redis.call('MGET', unpack(keys))}
"""


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client wrapper, reusing one redis.Redis per connection pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailsafeRedisCache(RedisCache):
    _down_until = 0.0
    _scripts_refused = False  # Redis answered EVAL with an error: get_with_reads() plain
    # Shared by every app server, and a write may not reach it: the page cache keeps its
    # epoch in the database too (blogsite.cacheepoch).
    may_miss_writes = True

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def _call(self, name, default, *args, **kwargs):
        return self._guarded(name, default, getattr(super(), name), *args, **kwargs)

    def _guarded(self, name, default, function, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return function(*args, **kwargs)
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

    def incr_or_create_many(self, keys, version=None) -> bool:
        """Add 1 to each counter in `keys`, one round trip; a missing one starts at 1 and
        never expires (Redis INCR). Skipped, like any write, while Redis is down: False
        then, True once Redis has counted them."""
        keys = [self.make_and_validate_key(key, version=version) for key in keys]

        def incr_all():
            pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
            for key in keys:
                pipeline.incr(key)
            pipeline.execute()
            return True

        return self._guarded("incr_or_create_many", False, incr_all)

    def get_with_reads(self, key, reads_key) -> tuple:
        """(the value of `key`, {name: value} for each key named in `reads_key`), both in one
        round trip (None for what is missing). While Redis is down, (None, {}): a miss."""
        keys = (self.make_and_validate_key(key), self.make_and_validate_key(reads_key))
        loads = self._cache._serializer.loads

        def read():
            if FailsafeRedisCache._scripts_refused:
                return self._cache.get(keys[0], None), {}
            try:
                answer = self._cache.get_client(keys[0]).eval(GET_WITH_READS, 2, *keys)
            except ResponseError as error:  # scripts refused (an ACL, a managed Redis)
                FailsafeRedisCache._scripts_refused = True
                logger.warning("Redis refused the page cache's lookup script (%s): the "
                               "entry, then its generations, from now on.", error)  # fmt: skip
                return self._cache.get(keys[0], None), {}
            value = None if answer[0] is None else loads(answer[0])
            if len(answer) < 3:
                return value, {}
            lines = answer[1].decode().split("\n")
            names = [line.split("\t", 1)[1] for line in lines if line]
            found = {}
            for name, raw in zip(names, answer[2], strict=True):
                found[name] = None if raw is None else loads(raw)
            return value, found

        return self._guarded("get_with_reads", (None, {}), read)

    def set_with_reads(self, key, value, timeout, reads_key, names, reads_timeout) -> None:
        """Set `key`, and `reads_key` to the list of `names` get_with_reads() fetches with
        it, in one round trip (a write: skipped while Redis is down)."""
        full = self.make_and_validate_key(key)
        record = "\n".join(f"{self.make_and_validate_key(name)}\t{name}" for name in names)

        def write():
            pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
            pipeline.set(full, self._cache._serializer.dumps(value), ex=timeout)
            pipeline.set(self.make_and_validate_key(reads_key), record, ex=reads_timeout)
            pipeline.execute()

        self._guarded("set_with_reads", None, write)

    def incr_in_window(self, key, timeout, version=None) -> int:
        """Add 1 to the counter `key`, created with `timeout` seconds to live when missing,
        and return it: add() then incr() (three round trips) in one. While Redis is down,
        1, as if the window had just started."""
        key = self.make_and_validate_key(key, version=version)

        def count():
            pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
            pipeline.set(key, 0, ex=timeout, nx=True)
            pipeline.incr(key)
            return pipeline.execute()[1]

        return self._guarded("incr_in_window", 1, count)


def count_in_window(key: str, timeout: int) -> int:
    """Add 1 to the default cache's counter `key`, created with `timeout` seconds to live
    when missing, and return it: the fixed-window count behind rate limits and caps.

    One round trip on Redis (FailsafeRedisCache.incr_in_window); elsewhere add() then
    incr(), each atomic (in the local-memory cache under its lock), so concurrent processes
    never both take the last place.
    """
    from django.core.cache import cache

    in_one_round_trip = getattr(cache, "incr_in_window", None)
    if in_one_round_trip is not None:
        return in_one_round_trip(key, timeout)
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr(): a fresh window
        cache.add(key, 0, timeout=timeout)
        return cache.incr(key)
