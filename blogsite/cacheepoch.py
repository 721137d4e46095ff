"""The page cache's epoch: no change lost to a Redis blip.

The page cache's generations live in the shared cache (Redis), and a write that cannot
reach it (Redis down or restarting, or within FailsafeRedisCache's pause after a failure)
cannot bump them: once Redis answers again, with its contents, the pages stored before the
write would look fresh for up to PAGE_CACHE_TIMEOUT. So such a write raises the epoch
instead, a counter kept in the database (blogsite.models.PageCacheEpoch), after its
transaction commits. Every stored page carries the epoch it was rendered under and is used
only while that is the current one, which each process reads from the database at most
once per PAGE_CACHE_EPOCH_CHECK_SECONDS: within that many seconds of the write, on every
app server, no page from before it is served, whether Redis is back or not.

A cache that is local to the process (the local-memory default) cannot miss a bump: there
the epoch is not read at all, nor with the page cache off. While the database is
unreachable the last epoch read stays in use, so the page cache keeps serving its copies
(blogsite.outage).
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F

from blogsite.pagekeys import page_cache_settings

logger = logging.getLogger("blogsite.cache")

_lock = threading.Lock()
# None until first read: a process started while the database is unreachable serves what
# the cache holds rather than nothing.
_known: dict = {"value": None, "checked_at": float("-inf")}


def is_needed() -> bool:
    """Whether the page cache is on, in a cache that is shared and may fail (Redis): only
    then can a stored page outlive a bump that was missed. (With the page cache off, the
    site values keep their own 600 s bound, as before; and the test suite, which runs with
    it off, counts no epoch read among a page's queries.)"""
    return getattr(settings, "PAGE_CACHE_ENABLED", True) and getattr(
        cache, "may_miss_writes", False
    )


def current() -> int | None:
    """The epoch pages must carry to be used: read from the database now and then (None:
    not known yet, the database being unreachable; any page will do)."""
    if not is_needed():
        return 0
    now = time.monotonic()
    if now - _known["checked_at"] < page_cache_settings.EPOCH_CHECK_SECONDS:
        return _known["value"]
    with _lock:
        if now - _known["checked_at"] < page_cache_settings.EPOCH_CHECK_SECONDS:
            return _known["value"]
        _known["checked_at"] = now
        try:
            _known["value"] = _read()
        except DatabaseError as error:
            logger.warning("Page cache epoch not read (database unreachable): %s", error)
    return _known["value"]


def _read() -> int:
    from blogsite.models import PageCacheEpoch

    return PageCacheEpoch.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def forget_known() -> None:
    """Make the next current() read the database (after this process raised the epoch)."""
    _known["checked_at"] = float("-inf")


def raise_epoch(scopes=()) -> None:
    """A bump of `scopes` missed the shared cache: after the transaction commits (at once
    outside one), make every page stored so far stale, in every process."""
    transaction.on_commit(lambda: _raise(scopes))


def _raise(scopes) -> None:
    from blogsite.models import PageCacheEpoch

    try:
        if not PageCacheEpoch.objects.filter(pk=1).update(value=F("value") + 1):
            _, created = PageCacheEpoch.objects.get_or_create(pk=1, defaults={"value": 1})
            if not created:
                PageCacheEpoch.objects.filter(pk=1).update(value=F("value") + 1)
    except DatabaseError as error:
        logger.error("Page cache epoch not raised for %s: %s", ", ".join(scopes), error)
        return
    forget_known()
    logger.warning(
        "Page cache: a change (%s) could not reach the shared cache; every stored page is "
        "renewed within %s s.",
        ", ".join(scopes),
        page_cache_settings.EPOCH_CHECK_SECONDS,
    )
