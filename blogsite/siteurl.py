"""Links a library built on the request's Host, moved onto the canonical site (SITE_URL).

Whatever Host a request came with (any name in ALLOWED_HOSTS, or one a proxy passed on),
links that leave the page (e-mails) point at SITE_URL (blogsite.mail.absolute_url): a
forged Host must not choose where a password-reset link leads.
"""

from urllib.parse import urlsplit

from blogsite.mail import absolute_url


def on_site_url(url: str, request) -> str:
    """`url`, which a library built on `request`'s Host (http or https), moved onto SITE_URL;
    any other text is returned as it is."""
    if request is None or "://" not in url:
        return url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != request.get_host():
        return url
    return absolute_url(parts._replace(scheme="", netloc="").geturl())
