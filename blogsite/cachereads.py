"""What an anonymous read gets from the shared cache, read once per request and ahead of time.

Rendering a public page reads a handful of small values from the cache: the generations it
depends on (blogsite.pagecache), when the next scheduled article comes due, the stamps of
the site-wide values it shows (posts.cache.site_value). Read one by one, each is a round
trip to Redis. Within `reading()` (the page cache's middleware, around an anonymous read),
every such read goes through `get_many()` here: a key is fetched at most once per request,
and the keys read are kept, so that the page stored at the end names them. The next lookup
of that page fetches them with the entry itself (FailsafeRedisCache.get_with_reads), in the
same round trip: a fresh entry is answered with nothing more, and a stale or expired one is
rendered again from those values without asking Redis again (unless the page now reads
something it did not read last time: fetched then, and named for the next time).

Values read at the start of the request instead of just before use are older, never newer:
a generation read early makes the stored page stale sooner, not wrongly fresh. A bump made
during the request forgets every value read (blogsite.pagecache.bump).

Outside `reading()` (a signed-in reader, a form post, a command), get_many() is the cache's.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

_MISSING = object()


class Reads:
    """One request's reads: the values known (key -> value, _MISSING when not in the cache)
    and the keys the request asked for, in the order first asked."""

    def __init__(self, prefetched: dict):
        self.values = {
            key: _MISSING if value is None else value for key, value in prefetched.items()
        }
        self.asked: dict = {}


_reads: ContextVar[Reads | None] = ContextVar("cachereads", default=None)


@contextmanager
def reading(prefetched: dict | None = None):
    """Within it, each key is read from the cache at most once; `prefetched` (key -> value,
    read with the page's entry; None: not in the cache) answers without asking. Yields the
    Reads, whose `asked` the stored page keeps."""
    reads = Reads(prefetched or {})
    token = _reads.set(reads)
    try:
        yield reads
    finally:
        _reads.reset(token)


def get_many(keys) -> dict:
    """cache.get_many(keys), each key read at most once within reading()."""
    reads = _reads.get()
    if reads is None:
        return cache.get_many(keys)
    known = reads.values
    missing = [key for key in keys if key not in known]
    if missing:
        found = cache.get_many(missing)
        for key in missing:
            known[key] = found.get(key, _MISSING)
    for key in keys:
        reads.asked[key] = True
    return {key: known[key] for key in keys if known[key] is not _MISSING}


def get(key, default=None):
    return get_many([key]).get(key, default)


def remember(key, value) -> None:
    """A value this request has just written: later reads in it get this one."""
    reads = _reads.get()
    if reads is not None:
        reads.values[key] = value


def forget_all() -> None:
    """Something was bumped during this request: read everything again."""
    reads = _reads.get()
    if reads is not None:
        reads.values.clear()
