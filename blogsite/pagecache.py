"""The page cache: one copy of a public page for every anonymous reader, in the cache backend.

A request is served from or stored in the cache only when it is a GET or HEAD without any
cookie that makes the page personal (a session, messages, a commenter's or voter's cookie:
PAGE_CACHE_BYPASS_COOKIES). Such readers see the page as a stranger would, so the stored
HTML holds nothing personal; the templates get an empty CSRF token (no cookie is set), and
the comment and reaction endpoints accept those token-less forms when the browser proves the
post comes from this site (blogsite.csrf). Readers with one of those cookies get the page
rendered for them, uncached and private.

Invalidation is by generations. A view declares what its page depends on with
`depends_on(request, "post:12", ...)`; each scope has a counter in the cache, bumped by the
writes that change it (`bump("post:12")`). A stored page keeps the counters it was rendered
with and is used only while they are all unchanged, so a write through any process or host
is seen at once by all of them through the shared cache (Redis). Scopes named in
`LAGGING_SCOPES` prefixes (reaction counts) may be stale for PAGE_CACHE_COUNTS_LAG seconds:
the JSON state corrects the counts at once for readers with JavaScript.

A page also expires when a scheduled article comes due (`expires_at`), and after
PAGE_CACHE_TIMEOUT seconds at the latest. On Redis, a lookup costs one round trip and no
query (but for the epoch, read from the database at most every few seconds per process):
the entry comes with the values its last render read, the generations among them
(blogsite.cachereads); a page rendered again after a miss reads nothing more from Redis
when it reads what it read last time, and is stored with one more round trip. Elsewhere
(the local-memory cache) the entry, then its generations.

A write that cannot reach the shared cache to bump its scopes (Redis unreachable) raises
the epoch in the database instead, which makes every stored page stale within
PAGE_CACHE_EPOCH_CHECK_SECONDS on every app server (blogsite.cacheepoch). What the key is
made of, and how many entries a page may have: blogsite.pagekeys.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string
from django.utils.translation import get_language

from blogsite import cacheepoch, cachereads, pagekeys
from blogsite.frontcache import public_cache_control
from blogsite.personal import mark_personal

ENTRY_PREFIX = "pagecache:page:"
# What a page's last render read from the cache (blogsite.cachereads), fetched with its
# entry: kept longer than the entry, so an expired page is rendered again from one read.
READS_PREFIX = "pagecache:reads:"
READS_TIMEOUT = 24 * 3600
GENERATION_PREFIX = "pagecache:gen:"
LAGGING_PREFIXES = ("votes",)
SKIPPED_PATH_PREFIXES = ("/static/", "/media/", "/admin/", "/health/")


ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _timeout() -> int:
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 600)


def _lag() -> int:
    return getattr(settings, "PAGE_CACHE_COUNTS_LAG", 10)


def _bypass_cookies():
    return getattr(settings, "PAGE_CACHE_BYPASS_COOKIES", ())


def is_anonymous_read(request) -> bool:
    """True when the request may be answered with the page every stranger gets."""
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(SKIPPED_PATH_PREFIXES):
        return False
    return not any(name in request.COOKIES for name in _bypass_cookies())


def depends_on(request, *scopes: str, expires_at: float | None = None) -> None:
    """Let the page being rendered for `request` be stored, valid while `scopes` stand."""
    if not getattr(request, "page_cacheable", False):
        # Rendered for this reader alone (signed in, or holding a commenter's cookie):
        # PersonalPageMiddleware keeps it out of every shared cache.
        mark_personal(request)
        return
    # Read now, before the view's queries: a write landing during the render bumps past
    # these values, so the copy stored below is stale at once instead of wrongly fresh.
    snapshot = getattr(request, "page_cache_generations", {})
    if not snapshot:
        request.page_cache_epoch = cacheepoch.current()
    request.page_cache_generations = {**_generations(scopes), **snapshot}
    if expires_at is not None:
        current = getattr(request, "page_cache_expires_at", None)
        request.page_cache_expires_at = expires_at if current is None else min(current, expires_at)


def bump(*scopes: str) -> None:
    """Make every stored page depending on one of `scopes` stale, in every process."""
    cachereads.forget_all()  # what this request read before is older than the bump
    incr_or_create_many = getattr(cache, "incr_or_create_many", None)
    if incr_or_create_many is not None:  # Redis (blogsite.cache_backend): one round trip
        if not incr_or_create_many([GENERATION_PREFIX + scope for scope in scopes]):
            cacheepoch.raise_epoch(scopes)  # Redis unreachable: no change lost
        return
    for scope in scopes:
        key = GENERATION_PREFIX + scope
        if not cache.add(key, 1, timeout=None):
            try:
                cache.incr(key)
            except ValueError:  # evicted between add() and incr()
                cache.set(key, 1, timeout=None)


def _entry_key(request, address: str | None = None) -> str:
    """The key of the page stored for `request`'s address (pagekeys: only the parameters a
    stored page reads)."""
    if address is None:
        address = pagekeys.address(request)[0]
    return ENTRY_PREFIX + pagekeys.page_of(request.get_host(), get_language(), address)


def _reads_key(entry_key: str) -> str:
    return READS_PREFIX + entry_key.removeprefix(ENTRY_PREFIX)


def _lookup(key) -> tuple:
    """The entry stored under `key` (None: none), and what its last render read (key ->
    value), in one round trip on Redis (FailsafeRedisCache.get_with_reads)."""
    get_with_reads = getattr(cache, "get_with_reads", None)
    if get_with_reads is None:
        return cache.get(key), {}
    return get_with_reads(key, _reads_key(key))


def generation(scope: str) -> int:
    """The current counter of `scope` (0 until first bumped)."""
    return cachereads.get(GENERATION_PREFIX + scope, 0)


def _generations(scopes) -> dict:
    keys = [GENERATION_PREFIX + scope for scope in scopes]
    found = cachereads.get_many(keys)
    return {scope: found.get(GENERATION_PREFIX + scope, 0) for scope in scopes}


def _is_fresh(entry, now) -> bool:
    if entry["expires_at"] is not None and now >= entry["expires_at"]:
        return False
    epoch = cacheepoch.current()
    if epoch is not None and entry.get("epoch", 0) != epoch:  # a change missed Redis
        return False
    current = _generations(entry["generations"])
    for scope, generation in entry["generations"].items():
        if current[scope] == generation:
            continue
        if scope.startswith(LAGGING_PREFIXES) and now - entry["rendered_at"] < _lag():
            continue
        return False
    return True


def _public_headers(response, etag, rendered_at):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(rendered_at)
    # Shared caches in front (nginx, a CDN) cannot see our invalidations: they keep the page
    # a few seconds at most, and stand in with it while the app cannot answer
    # (blogsite.frontcache). Browsers ask again each time: a 304 from the front.
    response["Cache-Control"] = public_cache_control()
    patch_vary_headers(response, ("Cookie",))
    return response


class PageCacheMiddleware:
    """Serve and store the anonymous copy of the pages whose views call depends_on()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.page_cacheable = is_anonymous_read(request)
        if not request.page_cacheable:
            return self.get_response(request)
        pagekeys.drop_tracking(request)
        address, other_parameters = pagekeys.address(request)
        key = _entry_key(request, address)
        now = time.time()
        entry, prefetched = _lookup(key)
        with cachereads.reading(prefetched) as reads:
            if entry is not None and _is_fresh(entry, now):
                return self._answer_from(request, entry)
            response = self.get_response(request)
            # A parameter no stored page reads: answered as asked, never stored (pagekeys).
            if not other_parameters:
                self._store(request, key, response, now, address=address, reads=reads)
        return response

    def _answer_from(self, request, entry):
        from django.http import HttpResponse

        conditional = get_conditional_response(
            request, etag=entry["etag"], last_modified=int(entry["rendered_at"])
        )
        if conditional is not None:
            return _public_headers(conditional, entry["etag"], entry["rendered_at"])
        gzipped = entry.get("gzipped")
        if gzipped is not None and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            # Compressed once when stored (the stored page holds no secret, so no BREACH
            # concern), instead of GZipMiddleware compressing it again on every hit.
            response = HttpResponse(gzipped, status=200)
            response["Content-Encoding"] = "gzip"
            etag = "W/" + entry["etag"]  # another representation, as GZipMiddleware marks it
        else:
            response = HttpResponse(entry["content"], status=200)
            etag = entry["etag"]
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        patch_vary_headers(response, ("Accept-Encoding",))
        return _public_headers(response, etag, entry["rendered_at"])

    def _store(self, request, key, response, rendered_at, *, address, reads):
        generations = getattr(request, "page_cache_generations", None)
        if (
            not generations
            or response.status_code != 200
            or response.streaming
            or response.cookies
            or "private" in response.get("Cache-Control", "")
            or "no-store" in response.get("Cache-Control", "")
        ):
            return
        timeout = _timeout()
        if address != request.path:  # a variant (?cpage=2): at most so many per page
            page = pagekeys.page_of(request.get_host(), get_language(), request.path)
            if not pagekeys.may_store_variant(cache, page, address, timeout):
                return
        expires_at = getattr(request, "page_cache_expires_at", None)
        if expires_at is not None:
            timeout = min(timeout, max(1, int(expires_at - rendered_at)))
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() in ("content-type", "content-language", "x-robots-tag")
        ]
        entry = {
            "content": response.content,
            # What GZipMiddleware would send, made once: None when it would not compress.
            "gzipped": compress_string(response.content) if len(response.content) >= 200 else None,
            "headers": headers,
            "etag": etag,
            "rendered_at": rendered_at,
            "expires_at": expires_at,
            "generations": generations,
            "epoch": getattr(request, "page_cache_epoch", 0),
        }
        set_with_reads = getattr(cache, "set_with_reads", None)
        if set_with_reads is not None:  # Redis: with what to fetch at the next lookup
            set_with_reads(key, entry, timeout, _reads_key(key), list(reads.asked), READS_TIMEOUT)
        else:
            cache.set(key, entry, timeout=timeout)
        response["X-Page-Cache"] = "miss"
        _public_headers(response, etag, rendered_at)
        conditional = get_conditional_response(request, etag=etag, last_modified=int(rendered_at))
        if conditional is not None:
            response.status_code = 304
            response.content = b""


def csrf_context(request):
    """An empty CSRF token on pages stored for every reader: no cookie, nothing personal.

    Only pages whose view called depends_on() (which are being stored); every other form
    (sign-in, sign-up, the admin) keeps its token.
    """
    if getattr(request, "page_cache_generations", None):
        return {"csrf_token": ""}
    return {}
