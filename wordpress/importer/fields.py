"""WordPress's dates and slugs, read the way WordPress writes them."""

import dataclasses
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from blogsite.slugs import ascii_slug

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


def parse_rss_date(value: str) -> datetime | None:
    """An RSS <pubDate> (RFC 822, "Sat, 27 May 2017 11:33:38 +0000"); None when absent or
    unreadable, and for 1970-01-01, which WordPress writes for an item it never dated."""
    try:
        date = parsedate_to_datetime((value or "").strip())
    except (TypeError, ValueError, IndexError):
        return None
    if date.tzinfo is None:
        date = date.replace(tzinfo=UTC)
    return date.astimezone(UTC) if date.year > 1970 else None


def wordpress_slug(name: str) -> str:
    """Our ASCII slug for a WordPress slug (which may be percent-encoded Unicode, in any
    script: transliterated, see blogsite.slugs)."""
    return ascii_slug(unquote(name or ""))


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


def without_unstorable_id(report, kind: str, label: str, record):
    """The author or term with its WordPress id dropped when no database column takes it
    (Squarespace's WXR export writes negative author ids): it is then found by its login or
    slug like a WXR 1.0 one, and the report says so, instead of the row failing the run."""
    if record.id is None or storable_id(record.id):
        return record
    report.changed(
        kind,
        label,
        _("its WordPress id (%(id)s) is out of range: found by its name instead")
        % {"id": record.id},
        field="wordpress_id",
    )
    return dataclasses.replace(record, id=None)
