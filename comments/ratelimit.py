"""A fixed-window rate limit per key, kept in the cache.

cache.add() creates the window's counter only if it is missing and cache.incr() is atomic on
Redis and in local memory, so the limit holds across processes sharing the cache.
"""

import time

from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """Return (requests, seconds) for a rate such as "5/m" or "100/h"."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip()[:1]]


def hit(*, scope: str, key: str, rate: str | None) -> bool:
    """Count one request; return False when it goes over the rate."""
    if not rate:
        return True
    limit, seconds = parse_rate(rate)
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{scope}:{key}:{seconds}:{window}"
    cache.add(cache_key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr(): a fresh window
        cache.add(cache_key, 1, timeout=seconds + 1)
        count = 1
    return count <= limit
