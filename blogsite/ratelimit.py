"""A fixed-window rate limit per key, kept in the cache.

The window's counter is counted by blogsite.cache_backend.count_in_window, atomic on Redis
and in local memory, so the limit holds across processes sharing the cache.
"""

import hashlib
import time

from blogsite.appsettings import Rate
from blogsite.cache_backend import count_in_window


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
    return count_in_window(cache_key, seconds + 1) <= limit


def hit_address(*, scope: str, email: str, rate) -> bool:
    """Count one e-mail sent to `email` (a limit no form can be used to flood an inbox
    past); the address is hashed, so no cache key names it."""
    key = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return hit(scope=scope, key=key, rate=rate)
