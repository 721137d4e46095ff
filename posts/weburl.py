"""The one rule for addresses that may become a link: http and https only.

Old data (imported comments, hand-edited rows) can hold `javascript:` or `data:` URLs; a
URLField validates only what goes through a form, so what is shown or exported asks here
(web_url), and what a form accepts is checked here too (validate_web_url), so nothing a
form takes is later hidden.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

WEB_SCHEMES = {"http", "https"}


def web_url(value) -> str:
    """Return value when it is an absolute http(s) URL with a host, else an empty string."""
    url = (value or "").strip()
    # Browsers drop tabs and newlines inside a scheme ("java\tscript:"): so must we.
    cleaned = "".join(ch for ch in url if ch not in "\t\n\r")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return ""
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return ""
    return cleaned


def validate_web_url(value: str) -> None:
    """Raise ValidationError unless `value` is a well-formed address web_url() keeps (the
    check of the comment form's website field)."""
    URLValidator(schemes=sorted(WEB_SCHEMES))(value)
    if not web_url(value):
        raise ValidationError(URLValidator.message, code="invalid")
