"""WordPress's dates and slugs, read the way WordPress writes them."""

from datetime import UTC, datetime
from urllib.parse import unquote

from django.utils.text import slugify


def parse_date(gmt: str, local: str = "") -> datetime | None:
    """A WordPress date: the GMT one, else the local one read as UTC; None for 0000-00-00."""
    for value in (gmt, local):
        value = (value or "").strip()
        if value and not value.startswith("0000"):
            try:
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


def wordpress_slug(name: str) -> str:
    """Our ASCII slug for a WordPress slug (which may be percent-encoded Unicode)."""
    return slugify(unquote(name or ""))
