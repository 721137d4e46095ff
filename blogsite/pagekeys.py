"""The page cache's key: what of an address a stored page depends on, and how many per page.

A stored page is keyed on the host, the language and the path, plus only the query
parameters that some stored page reads (`page`, `thread`, `cpage`, `q`...), each registered
by the app whose view or template tag reads it (`register_key_parameters()` in its
AppConfig.ready: the foundation cannot know the apps). Everything else is left out:

- tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`, `mc_eid`, `ref`, and
  PAGE_CACHE_TRACKING_PARAMETERS to add more; a trailing `*` matches a prefix) are taken off
  an anonymous read before any view sees them, so a shared link gets exactly the clean
  address's page, served from and stored as its entry (its canonical link is the clean one);
- any other parameter (`?anything=<random>`) is looked up under the clean address too; when
  that misses, the request is answered as asked (a page outside the page cache may read it:
  the sign-in's `?next=`) but never stored, so it cannot add an entry.

The registered parameters can still vary without end (`?cpage=` any word, `?replyto=` any
id): a page keeps at most PAGE_CACHE_MAX_ENTRIES_PER_PAGE entries with parameters within
PAGE_CACHE_TIMEOUT (its plain address is always stored); past that, a variant is answered
uncached until older ones expire.
"""

import hashlib
import time
from urllib.parse import urlencode

from blogsite.appsettings import AppSettings, Int, TextList

page_cache_settings = AppSettings(
    "PAGE_CACHE_",
    # Query parameters dropped as tracking, besides BASE_TRACKING_PARAMETERS ("name" or
    # "prefix*"); nginx's config in front is generated from tracking_parameters() too.
    TRACKING_PARAMETERS=TextList(()),
    # Stored variants of one page's address with query parameters (?cpage=2, ?thread=7...).
    MAX_ENTRIES_PER_PAGE=Int(50, minimum=1),
    # How often each process reads the page cache's epoch from the database: a change that
    # missed Redis reaches every page within this many seconds (blogsite.cacheepoch).
    EPOCH_CHECK_SECONDS=Int(5, minimum=1, maximum=10),
)

BASE_TRACKING_PARAMETERS = ("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid", "ref")
VARIANTS_PREFIX = "pagecache:variants:"

# The parameters a stored page reads; the foundation's own: a list's page number (the
# canonical link, blogsite.context_processors).
_key_parameters: set[str] = {"page"}


def register_key_parameters(*names: str) -> None:
    """Declare query parameters that change a stored page: each value gets its own entry."""
    _key_parameters.update(names)


def key_parameters() -> frozenset[str]:
    return frozenset(_key_parameters)


def tracking_parameters() -> tuple[str, ...]:
    """Every tracking parameter, built-in then configured ("prefix*" for a prefix)."""
    extra = page_cache_settings.TRACKING_PARAMETERS
    return BASE_TRACKING_PARAMETERS + tuple(
        name for name in extra if name not in BASE_TRACKING_PARAMETERS
    )


def is_tracking(name: str, patterns=None) -> bool:
    for pattern in patterns if patterns is not None else tracking_parameters():
        if pattern.endswith("*"):
            if name.startswith(pattern[:-1]):
                return True
        elif name == pattern:
            return True
    return False


def drop_tracking(request) -> None:
    """Take the tracking parameters off `request` (GET and the query string)."""
    if not request.META.get("QUERY_STRING"):
        return
    patterns = tracking_parameters()
    if not any(is_tracking(name, patterns) for name in request.GET):
        return
    kept = request.GET.copy()
    for name in list(kept):
        if is_tracking(name, patterns):
            del kept[name]
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def address(request) -> tuple[str, bool]:
    """The part of the request's address that the stored page depends on (the path and the
    key parameters, sorted), and whether other parameters were left out of it."""
    if not request.META.get("QUERY_STRING"):
        return request.path, False
    keyed = _key_parameters
    pairs = []
    dropped = False
    for name, values in request.GET.lists():
        if name in keyed:
            pairs.extend((name, value) for value in values)
        else:
            dropped = True
    if not pairs:
        return request.path, dropped
    return f"{request.path}?{urlencode(sorted(pairs))}", dropped


def page_of(host: str, language: str, path: str) -> str:
    return hashlib.sha256(f"{host}|{language}|{path}".encode()).hexdigest()


def may_store_variant(cache, page: str, variant: str, timeout: int) -> bool:
    """Whether one more variant of `page` may be stored: within the cap, or already one.

    The variants stored within the last `timeout` seconds are kept in one cache value per
    page (variant -> when stored); concurrent stores may let a few past the cap, never an
    unbounded number.
    """
    key = VARIANTS_PREFIX + page
    now = time.time()
    stored = cache.get(key) or {}
    live = {name: at for name, at in stored.items() if now - at < timeout}
    if variant not in live and len(live) >= page_cache_settings.MAX_ENTRIES_PER_PAGE:
        return False
    live[variant] = now
    cache.set(key, live, timeout=timeout)
    return True
