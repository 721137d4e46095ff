"""What the page cache must forget when articles, terms, comments or votes change.

posts owns the scopes its pages depend on; comments and reactions (which depend on posts,
never the reverse) call `comments_changed` and `votes_changed` from their own receivers.
Every bump is made at once and again when the transaction commits: at once so this process
forgets what it stored, on commit so a page rendered from the old rows in between is
forgotten too.
"""

import secrets
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save

from blogsite import cacheepoch, cachereads, pagecache

SITE = "site"  # every page: articles, pages, terms, authors, reaction kinds
LISTS = "lists"  # lists of articles: comment counts on the cards
NEXT_DUE_KEY = "posts:next-due"

# The scopes to bump when changes_deferred() ends (None: bump at once).
_deferred: ContextVar[set | None] = ContextVar("posts_cache_deferred", default=None)


def _bump(*scopes: str) -> None:
    pending = _deferred.get()
    if pending is not None:
        pending.update(scopes)
        return
    pagecache.bump(*scopes)
    transaction.on_commit(lambda: pagecache.bump(*scopes))


@contextmanager
def changes_deferred():
    """Within it, the writes' bumps are collected, and each scope is bumped once on the way
    out (as _bump does: at once, and again on commit). A bulk write (an import) saves
    thousands of rows: a bump for each would be thousands of cache round trips."""
    pending: set = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
        if SITE in pending:
            cache.delete(NEXT_DUE_KEY)
        if pending:
            _bump(*sorted(pending))


def site_changed(**kwargs) -> None:
    """Forget every stored page (an article, a page, a term or an author changed)."""
    _checked_at.clear()  # this process's own change: no copy is taken unasked any more
    if _deferred.get() is None:
        cache.delete(NEXT_DUE_KEY)
    _bump(SITE)


def comments_changed(*, post_id: int) -> None:
    """Forget the pages showing an article's comments or its comment count."""
    _bump(f"post:{post_id}", LISTS)


def votes_changed(*, post_id: int) -> None:
    """Let pages showing an article's reaction counts refresh (after the configured lag)."""
    pagecache.bump(f"votes:{post_id}", "votes")


def next_due() -> float | None:
    """When the next scheduled article comes due, as a timestamp (None: none scheduled)."""
    epoch = cacheepoch.current()  # a forgetting that missed Redis: computed again
    stored = cachereads.get(NEXT_DUE_KEY)  # with the page's entry, on an anonymous read
    if isinstance(stored, tuple) and stored[0] == epoch:
        return stored[1]
    from posts.models import Post

    moment = Post.objects.scheduled().aggregate(due=Min("published_at"))["due"]
    due = moment.timestamp() if moment else None
    cache.set(NEXT_DUE_KEY, (epoch, due), timeout=3600)
    cachereads.remember(NEXT_DUE_KEY, (epoch, due))
    return due


SITE_VALUE_PREFIX = "posts:site-value:"
SITE_VALUE_TIMEOUT = 600


_held: dict[str, tuple[str, object]] = {}  # name -> (stamp, value), this process's copies
# Names can be per article ("related:12"): the oldest copies go beyond this many.
HELD_MAX = 1000


_held_lock = threading.Lock()  # gthread workers: one dict, several threads
_checked_at: dict[str, float] = {}  # name -> when its stamp was last found current


def _hold(name: str, entry: tuple[str, object]) -> None:
    with _held_lock:
        _held.pop(name, None)
        while len(_held) >= HELD_MAX:
            oldest = next(iter(_held))
            del _held[oldest]
            _checked_at.pop(oldest, None)
        _held[name] = entry
        _checked_at[name] = time.monotonic()


def site_value(name: str, compute, *, fresh_within: float = 0.0):
    """compute(), kept in the cache until anything on the site changes (the SITE scope is
    bumped) or a scheduled article comes due: what every page shows alike (the footer's
    tags and months, the reaction kinds) costs no query on most renders.

    `name` must say everything the value depends on besides the site's rows (a language).
    Each computed value gets a stamp (the generation it was computed under and a random
    part), stored beside it: one round trip reads the generation and the stamp, and while
    they match, this process's own copy is used, with nothing fetched or unpickled.

    `fresh_within` (seconds) skips even that round trip while this process's copy was
    found current that recently: only for what no stored page shows (a page stored with
    a copy older than its generation snapshot would stay wrong), such as the kinds a vote
    is checked against, where a kind changed a second ago is the race a vote has anyway.
    """
    if fresh_within:
        held = _held.get(name)
        checked_at = _checked_at.get(name, float("-inf"))
        if held is not None and time.monotonic() - checked_at < fresh_within:
            return held[1]
    generation_key = pagecache.GENERATION_PREFIX + SITE
    key = SITE_VALUE_PREFIX + name
    stamp_key = key + ":stamp"
    # On an anonymous read, both come with the page's entry (blogsite.cachereads): no round
    # trip of their own when this page read them last time too.
    found = cachereads.get_many([generation_key, stamp_key])
    # The generation is read before computing: a write landing meanwhile bumps past it, so
    # a value computed from the old rows carries a stamp nobody accepts any more.
    # The epoch too: a bump of SITE that missed Redis raised it instead (blogsite.cacheepoch).
    generation = f"{cacheepoch.current()}.{found.get(generation_key, 0)}"
    stamp = found.get(stamp_key)
    if stamp is not None and stamp.startswith(f"{generation}:"):
        held = _held.get(name)
        if held is not None and held[0] == stamp:
            _checked_at[name] = time.monotonic()
            return held[1]
        stored = cache.get(key)
        if stored is not None and stored[0] == stamp:
            _hold(name, stored)
            return stored[1]
    value = compute()
    timeout = SITE_VALUE_TIMEOUT
    due = next_due()
    if due is not None:
        timeout = max(min(timeout, int(due - time.time()) + 1), 1)
    stamp = f"{generation}:{secrets.token_hex(8)}"
    cache.set_many({key: (stamp, value), stamp_key: stamp}, timeout=timeout)
    cachereads.remember(stamp_key, stamp)
    _hold(name, (stamp, value))
    return value


def cache_article_page(request, post) -> None:
    """Store this article page for every anonymous reader while nothing it shows changes."""
    if getattr(request, "page_cacheable", False):
        pagecache.depends_on(
            request, SITE, f"post:{post.pk}", f"votes:{post.pk}", expires_at=next_due()
        )
    else:
        pagecache.depends_on(request)


def cache_list_page(request) -> None:
    """Store this list of articles for every anonymous reader while no article changes."""
    if getattr(request, "page_cacheable", False):
        pagecache.depends_on(request, SITE, LISTS, "votes", expires_at=next_due())
    else:
        pagecache.depends_on(request)


def cache_site_page(request) -> None:
    """Store a page that shows no comment or vote (an index, a static page) while the
    site's articles, pages, terms and authors stand."""
    if getattr(request, "page_cacheable", False):
        pagecache.depends_on(request, SITE, expires_at=next_due())
    else:
        pagecache.depends_on(request)


def account_writes(user_id) -> bool:
    """Whether an account has articles or pages, whose bylines and author page show its
    name, bio and photo (a reader's name is on their comments alone, copied there)."""
    from posts.models import Page, Post

    return (
        Post.objects.filter(author_id=user_id).exists()
        or Page.objects.filter(author_id=user_id).exists()
    )


def profile_changed(sender, instance, **kwargs) -> None:
    """Forget every page when a writer's profile changes; a reader's (a sign-up) is on none."""
    if account_writes(instance.user_id):
        site_changed()


def connect_receivers() -> None:
    from posts.models import Category, Media, Page, Post, Profile, Tag

    for model in (Post, Page, Tag, Category, Media):
        for signal in (post_save, post_delete):
            signal.connect(site_changed, sender=model, dispatch_uid=f"pagecache.{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(profile_changed, sender=Profile, dispatch_uid="pagecache.Profile")
    for through in (Post.tags.through, Post.categories.through):
        m2m_changed.connect(site_changed, sender=through, dispatch_uid=f"pagecache.{through}")
