"""Password-protected articles and pages, as WordPress's "password protected" visibility.

Everyone sees a protected item's title, in lists, feeds and its own page; its text, lead,
comments and reactions are for readers who typed its password on that page. They then hold
a signed cookie (UNLOCKED_COOKIE, kept ten days as WordPress keeps its own) naming the item
and a digest of the password it had, so changing the password locks every reader out again.

The page with the password form is the same for every stranger and is stored by the page
cache like any other; the cookie is one of PAGE_CACHE_BYPASS_COOKIES, so a reader who
unlocked something gets their own pages, rendered for them and never stored. The form posts
without a CSRF token (a stored page cannot carry one) and is accepted from this site's own
pages only (blogsite.csrf). Wrong passwords are counted per address (POSTS_UNLOCK_RATE).
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from posts.cookie_names import UNLOCKED_COOKIE

SALT = "posts.protection"
MAX_AGE = 10 * 24 * 3600  # seconds, as WordPress's wp-postpass cookie
MAX_ITEMS = 20  # a reader's cookie names at most this many items, the latest kept
FORM_ANCHOR = "#password-form"  # where a locked item's page shows its password form


def item_key(item) -> str:
    """ "post:12", "page:3": what the form and the cookie call an item."""
    return f"{item._meta.model_name}:{item.pk}"


def _digest(item) -> str:
    return salted_hmac(SALT, f"{item_key(item)}:{item.password}").hexdigest()[:20]


def _unlocked(request) -> dict[str, str]:
    raw = request.COOKIES.get(UNLOCKED_COOKIE)
    if not raw:
        return {}
    try:
        value = signing.loads(raw, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return {}
    return value if isinstance(value, dict) else {}


def is_locked(request, item) -> bool:
    """Whether this reader must type the item's password before reading it."""
    if not item.password:
        return False
    digest = _unlocked(request).get(item_key(item), "")
    return not constant_time_compare(digest, _digest(item))


def password_matches(item, typed: str) -> bool:
    return bool(item.password) and constant_time_compare(typed, item.password)


def remember_unlocked(request, response, item) -> None:
    """Add the item to the reader's cookie (set on `response`)."""
    unlocked = {key: digest for key, digest in _unlocked(request).items() if key != item_key(item)}
    unlocked[item_key(item)] = _digest(item)
    kept = dict(list(unlocked.items())[-MAX_ITEMS:])
    response.set_cookie(
        UNLOCKED_COOKIE,
        signing.dumps(kept, salt=SALT, compress=True),
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
