"""Signed cookies a commenter's browser keeps: its own comments, confirmed e-mails, and the
opt-in "remember me" details. Signed, so a browser cannot claim another's comments."""

import json

from django.conf import settings

from blogsite.personal import mark_personal
from comments.cookie_names import AUTHOR_COOKIE, CONFIRMED_COOKIE, OWN_COOKIE

MAX_OWN_IDS = 100
ONE_YEAR = 365 * 86400


def _read(request, name):
    raw = request.get_signed_cookie(name, default=None, salt=f"comments.{name}")
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if value:
        mark_personal(request)  # whatever the page does with it, it is this reader's own
    return value


def _write(response, name, value):
    response.set_signed_cookie(
        name,
        json.dumps(value, separators=(",", ":")),
        salt=f"comments.{name}",
        max_age=ONE_YEAR,
        httponly=True,
        samesite="Lax",
        secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
    )


def own_comment_ids(request) -> tuple[int, ...]:
    value = _read(request, OWN_COOKIE)
    if not isinstance(value, list):
        return ()
    return tuple(i for i in value if isinstance(i, int))


def remember_own_comment(response, comment_id: int, *, known_ids=()) -> None:
    """Add a comment to this browser's own ids (known_ids: the request's, from its Reader)."""
    ids = [i for i in known_ids if i != comment_id] + [comment_id]
    _write(response, OWN_COOKIE, ids[-MAX_OWN_IDS:])


def confirmed_emails(request) -> tuple[str, ...]:
    value = _read(request, CONFIRMED_COOKIE)
    if not isinstance(value, list):
        return ()
    return tuple(e for e in value if isinstance(e, str))


def remember_confirmed_email(response, email: str, *, known=()) -> None:
    emails = [e for e in known if e != email] + [email]
    _write(response, CONFIRMED_COOKIE, emails[-10:])


def remembered_author(request) -> dict:
    value = _read(request, AUTHOR_COOKIE)
    if not isinstance(value, dict):
        return {}
    return {k: str(value.get(k, "")) for k in ("name", "email", "url")}


def remember_author(response, *, name, email, url) -> None:
    _write(response, AUTHOR_COOKIE, {"name": name, "email": email, "url": url})


def forget_author(response) -> None:
    response.delete_cookie(AUTHOR_COOKIE, samesite="Lax")
