"""WordPress's dates and slugs, read the way WordPress writes them."""

import re
from datetime import UTC, datetime
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

WORDPRESS_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")


def parse_date(gmt: str, local: str = "") -> datetime | None:
    """A WordPress date: the GMT one, else the local one read as UTC; None for 0000-00-00."""
    for value in (gmt, local):
        value = (value or "").strip()
        if value and not value.startswith("0000"):
            try:
                if WORDPRESS_DATE.fullmatch(value):  # the usual form: read in C
                    return datetime.fromisoformat(value).replace(tzinfo=UTC)
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


def wordpress_slug(name: str) -> str:
    """Our ASCII slug for a WordPress slug (which may be percent-encoded Unicode)."""
    return slugify(unquote(name or ""))


def valid_email(value: str) -> str:
    """The address when Django takes it as one, else ""."""
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


# WordPress ids are unsigned 64-bit; ours (and the databases') signed.
MAX_ID = 2**63 - 1


def storable_id(value: int) -> bool:
    return 0 < value <= MAX_ID
