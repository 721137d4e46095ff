"""Ids that come from an address: range-checked once, here, before any query sees them.

Every row id of ours is a positive 64-bit integer (BigAutoField, and SQLite's INTEGER).
Django's `<int:...>` converter and `int()` accept any length: 9223372036854775808 is a
Python int that SQLite's driver cannot bind (OverflowError, a 500). `<id:...>` in a route
and `query_id()` for a query string turn anything that is not a whole number from 1 to
MAX_ID into a 404, as for an id that does not exist.
"""

from django.http import Http404
from django.urls import register_converter

MAX_ID = 2**63 - 1
# At most 19 digits: the longest a positive 64-bit integer is.
ID_REGEX = "[0-9]{1,19}"


def parse_id(value) -> int | None:
    """The id `value` spells (plain ASCII digits, 1..MAX_ID), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and 0 < len(value) <= 19 and value.isascii() and value.isdigit():
        number = int(value)
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


def query_id(request, name: str) -> int | None:
    """The id in the query parameter `name`: None when absent or empty, 404 when it is not
    an id (non-numeric, negative, zero, beyond MAX_ID)."""
    value = request.GET.get(name, "")
    if value == "":
        return None
    number = parse_id(value)
    if number is None:
        raise Http404(f"{name}={value[:40]!r} is not an id.")
    return number


class IdConverter:
    """`<id:pk>`: a row id; out of range is no match (404), never a query."""

    regex = ID_REGEX

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the resolver tries the next pattern, then 404
        return number

    def to_url(self, value) -> str:
        # 0 too: templates reverse `comments:permalink 0` as a placeholder for scripts.
        return str(int(value))


register_converter(IdConverter, "id")
