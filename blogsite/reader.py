"""Who the reader of a request is, worked out once and shared by views, templates and services.

ReaderMiddleware sets `request.reader`, a lazy object: a request that never asks (a static
file, the admin) reads no cookie. The first use reads the session's user and the signed
cookies once; every later use in the same request (the comment view, the comment template
tag, the spam rules' trust, the reactions row) gets the same answers.
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.functional import SimpleLazyObject


@dataclass(frozen=True)
class Reader:
    """The signed-in account (or None), this browser's own comment ids, the e-mail addresses
    it confirmed, the name, e-mail and website it asked us to remember, and its voter key."""

    user: object
    own_comment_ids: tuple[int, ...]
    confirmed_emails: tuple[str, ...]
    remembered_author: dict
    voter_key: str | None

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @cached_property
    def trust(self):
        """The evidence the moderation rules accept (comments.moderation.TrustEvidence)."""
        from comments.moderation import TrustEvidence

        return TrustEvidence(
            user=self.user,
            own_comment_ids=self.own_comment_ids,
            confirmed_emails=self.confirmed_emails,
        )


def read_reader(request) -> Reader:
    """Read the request's user and signed cookies into a Reader (tampered cookies count as
    absent: they were signed by us or they are nothing)."""
    from comments import cookies
    from posts.reactions.voters import voter_for_request

    user = getattr(request, "user", None)
    user = user if user is not None and user.is_authenticated else None
    return Reader(
        user=user,
        own_comment_ids=cookies.own_comment_ids(request),
        confirmed_emails=cookies.confirmed_emails(request),
        remembered_author=cookies.remembered_author(request),
        voter_key=voter_for_request(request).key,
    )


def reader_of(request) -> Reader:
    """The request's Reader (set by ReaderMiddleware; built here for a bare request)."""
    reader = getattr(request, "reader", None)
    if reader is None:
        reader = request.reader = SimpleLazyObject(lambda: read_reader(request))
    return reader


class ReaderMiddleware:
    """Give every request a lazy `request.reader` (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.reader = SimpleLazyObject(lambda: read_reader(request))
        return self.get_response(request)
