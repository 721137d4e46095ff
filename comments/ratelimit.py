"""A fixed-window rate limit per key, kept in the cache.

cache.add() creates the window's counter only if it is missing and cache.incr() is atomic on
Redis and in local memory, so the limit holds across processes sharing the cache.
"""

import time

from django.core.cache import cache

from blogsite.appsettings import Rate


def hit(*, scope: str, key: str, rate: tuple[int, int] | str | None) -> bool:
    """Count one request; return False when it goes over the rate.

    rate is (requests, seconds), as a Rate setting parses it, or text such as "3/h".
    """
    if isinstance(rate, str):
        rate = Rate(None).parse(rate)
    if not rate:
        return True
    limit, seconds = rate
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{scope}:{key}:{seconds}:{window}"
    cache.add(cache_key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr(): a fresh window
        cache.add(cache_key, 1, timeout=seconds + 1)
        count = 1
    return count <= limit
