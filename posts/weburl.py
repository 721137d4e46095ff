"""The one rule for addresses that may become a link: http and https only.

Old data (imported comments, hand-edited rows) can hold `javascript:` or `data:` URLs; a
URLField validates only what goes through a form, so what is shown or exported asks here.
"""

from urllib.parse import urlsplit

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
