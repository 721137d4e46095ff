"""Who is voting: the voter key of an account or of an anonymous reader's cookie.

A voter key is "u:<user id>" for accounts and "a:<sha256 of the cookie id>" for anonymous
readers; only the hash is stored, so the database never holds a usable cookie value.
"""

import hashlib
import secrets
from dataclasses import dataclass

from posts.reactions import conf


def user_voter(user) -> str:
    return f"u:{user.pk}"


def anonymous_voter(anonymous_id: str) -> str:
    return "a:" + hashlib.sha256(anonymous_id.encode()).hexdigest()


def new_anonymous_id() -> str:
    return secrets.token_urlsafe(32)


def give_new_anonymous_keys(rows, field: str, **also) -> int:
    """Replace the key in `field` of each row (a queryset) with a new random anonymous one,
    a different one each, with the other fields in `also`; return how many rows. What an
    erased account voted or reported stays counted and is no longer anyone's."""
    changed = 0
    for row in rows.only("pk"):
        type(row).objects.filter(pk=row.pk).update(
            **{field: anonymous_voter(new_anonymous_id())}, **also
        )
        changed += 1
    return changed


def read_anonymous_id(request) -> str | None:
    """The anonymous id from the signed cookie, or None when absent or tampered with."""
    if request is None:
        return None
    value = request.get_signed_cookie(
        conf.VOTER_COOKIE_NAME, default=None, salt=conf.VOTER_COOKIE_SALT
    )
    # A valid signature on a short value would still be a guessable id: refuse it.
    return value if value and len(value) >= 32 else None


def remember_anonymous_id(request, response, anonymous_id: str) -> None:
    response.set_signed_cookie(
        conf.VOTER_COOKIE_NAME,
        anonymous_id,
        salt=conf.VOTER_COOKIE_SALT,
        max_age=conf.VOTER_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


@dataclass(frozen=True)
class Voter:
    """The reader behind a request: their key, their account, and a cookie still to set."""

    key: str | None
    user: object = None
    new_anonymous_id: str | None = None


def voter_for_request(request, *, create: bool = False) -> Voter:
    """Identify the reader; with create, mint an anonymous id for a first-time voter."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Voter(key=user_voter(user), user=user)
    anonymous_id = read_anonymous_id(request)
    if anonymous_id:
        return Voter(key=anonymous_voter(anonymous_id))
    if create:
        anonymous_id = new_anonymous_id()
        return Voter(key=anonymous_voter(anonymous_id), new_anonymous_id=anonymous_id)
    return Voter(key=None)
