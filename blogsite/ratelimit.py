"""A fixed-window rate limit per key, kept in the cache.

The window's counter is counted by blogsite.cache_backend.count_in_window, atomic on Redis
and in local memory, so the limit holds across processes sharing the cache.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.shortcuts import render

from blogsite.appsettings import Rate
from blogsite.cache_backend import count_in_window


@dataclass(frozen=True)
class Attempt:
    """One counted request: whether it is within the rate, and when its window ends."""

    allowed: bool
    window_ends_at: float  # epoch seconds; a refused request may try again from then


def take(*, scope: str, key: str, rate: tuple[int, int] | str | None) -> Attempt:
    """Count one request against `rate` ((requests, seconds), as a Rate setting parses it,
    or text such as "3/h"; empty: no limit)."""
    return _attempt(scope, key, rate, count=True)


def peek(*, scope: str, key: str, rate: tuple[int, int] | str | None) -> Attempt:
    """Whether one more request would be within `rate`, without counting it."""
    return _attempt(scope, key, rate, count=False)


def _attempt(scope, key, rate, *, count: bool) -> Attempt:
    if isinstance(rate, str):
        rate = Rate(None).parse(rate)
    now = time.time()
    if not rate:
        return Attempt(allowed=True, window_ends_at=now)
    limit, seconds = rate
    window = int(now // seconds)
    cache_key = f"ratelimit:{scope}:{key}:{seconds}:{window}"
    if count:
        allowed = count_in_window(cache_key, seconds + 1) <= limit
    else:
        allowed = cache.get(cache_key, 0) < limit
    return Attempt(allowed=allowed, window_ends_at=(window + 1) * seconds)


def hit(*, scope: str, key: str, rate: tuple[int, int] | str | None) -> bool:
    """Count one request; return False when it goes over the rate."""
    return take(scope=scope, key=key, rate=rate).allowed


def address_key(email: str) -> str:
    """The cache key part for an e-mail address: hashed, so no cache key names it."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def hit_address(*, scope: str, email: str, rate) -> bool:
    """Count one e-mail sent to `email` (a limit no form can be used to flood an inbox
    past)."""
    return hit(scope=scope, key=address_key(email), rate=rate)


def too_many_requests(request, *, message: str = "", retry_at: float | None = None):
    """The site's 429 page, saying why (`message`) and, as Retry-After, when to come back."""
    response = render(request, "429.html", {"message": message}, status=429)
    if retry_at is not None:
        response["Retry-After"] = str(max(int(retry_at - time.time()) + 1, 1))
    return response
