"""Who the reader of a request is, worked out once and shared by views, templates and services.

ReaderMiddleware sets `request.reader`, a lazy object: a request that never asks (a static
file, the admin) reads no cookie. The foundation knows no app: each app registers, from its
AppConfig.ready(), the parts of the reader it owns (comments: own comment ids, confirmed
e-mails, remembered author, trust; reactions: the voter key) with `register_part`. A part is
read from the request the first time it is asked for, then kept for the rest of the request,
so every use (the comment view, the comment template tag, the spam rules' trust, the
reactions row) gets the same answer.
"""

from collections.abc import Callable

from django.utils.functional import SimpleLazyObject

# name: read(request, reader) -> value, filled by the apps' AppConfig.ready().
_parts: dict[str, Callable] = {}


def register_part(name: str, read: Callable) -> None:
    """Make `reader.<name>` answer `read(request, reader)`, read once per request."""
    _parts[name] = read


class Reader:
    """The signed-in account (or None) and the parts the apps registered (see the module)."""

    def __init__(self, request, user):
        self._request = request
        self.user = user

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    def __getattr__(self, name):
        # Only called for names not set yet: a registered part, read once and kept.
        try:
            read = _parts[name]
        except KeyError:
            raise AttributeError(f"the reader has no part {name!r} (none registered)") from None
        value = read(self._request, self)
        setattr(self, name, value)
        return value


def read_reader(request) -> Reader:
    """The request's Reader: its user now, the registered parts when first asked for
    (tampered cookies count as absent: they were signed by us or they are nothing)."""
    user = getattr(request, "user", None)
    user = user if user is not None and user.is_authenticated else None
    return Reader(request, user)


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
