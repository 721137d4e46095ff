"""Fetch an upload from the old site (import_wordpress --fetch-media), safely.

The address comes from the export, which anyone could have written: it must not make this
server read its own network. Each host is resolved once and every address it gives is
checked (no loopback, private, link-local, reserved or multicast address, unless the host
is in WORDPRESS_FETCH_ALLOWED_HOSTS); the connection then goes to the address that was
checked, so a second lookup cannot answer differently. Redirects are followed a few times,
each checked the same way. Each file has a timeout per read and one in all, a size cap
(what the media library takes) and a type cap: what the media library takes, read from the
file's first bytes (posts.media.accepts), whatever type the old site claims.

A file is written under its final name only once whole: one that exists was fetched before
and is not fetched again (an interrupted run resumes where it stopped).
"""

import http.client
import ipaddress
import os
import socket
import ssl
import time
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from posts.conf import media_settings
from posts.filetypes import HEAD_BYTES
from posts.media import accepts
from wordpress.conf import wordpress_settings

MAX_REDIRECTS = 3
CHUNK = 64 * 1024
URL_SAFE = "/%:@&=+$,;~!*'()?#[]"


class FetchError(Exception):
    """The file could not be fetched; the message says why, for the report."""


def fetch(url: str, target: Path) -> Path:
    """Download the file at `url` into `target` (kept if it is already there); return it."""
    if target.is_file():
        return target
    deadline = time.monotonic() + wordpress_settings.FETCH_MAX_SECONDS
    for _hop in range(MAX_REDIRECTS + 1):
        response, connection = _request(url, deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(_("redirected with no address"))
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(
                    _("the old site answered %(status)d") % {"status": response.status}
                )
            _save(response, target, deadline)
            return target
        finally:
            connection.close()
    raise FetchError(_("too many redirects"))


def _request(url: str, deadline: float):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(_("not an http or https address"))
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(_("not a valid address")) from None
    addresses = _checked_addresses(host, port)
    timeout = max(0.1, min(wordpress_settings.FETCH_TIMEOUT_SECONDS, deadline - time.monotonic()))
    if parts.scheme == "https":
        connection = _PinnedHTTPSConnection(host, port, timeout=timeout)
    else:
        connection = _PinnedHTTPConnection(host, port, timeout=timeout)
    connection.addresses = addresses
    # Export files write Unicode names as they are ("caffè.jpg"): sent percent-encoded.
    path = quote(parts.path or "/", safe=URL_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=URL_SAFE)
    try:
        connection.request("GET", path, headers={"User-Agent": "blog-import/1", "Accept": "*/*"})
        return connection.getresponse(), connection
    except (OSError, http.client.HTTPException, ssl.SSLError, ValueError) as error:
        connection.close()
        message = _("could not reach the old site (%(error)s)") % {"error": error}
        raise FetchError(message) from None


def _checked_addresses(host: str, port: int) -> list[str]:
    """Resolve the host; return the addresses to connect to, or refuse a private one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(
            _("the old site's name %(host)s does not resolve (%(error)s)")
            % {"host": host, "error": error}
        ) from None
    allowed = host.lower() in {h.lower() for h in wordpress_settings.FETCH_ALLOWED_HOSTS}
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not allowed and (not ip.is_global or ip.is_multicast):
            raise FetchError(
                _(
                    "%(host)s is at a private or local address (%(ip)s): not fetched "
                    "(WORDPRESS_FETCH_ALLOWED_HOSTS lists the hosts that may be)"
                )
                % {"host": host, "ip": address}
            )
    return addresses


def _connect(addresses, port, timeout):
    """A socket to the first of the checked addresses that answers."""
    error = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as failed:
            error = failed
    raise error or OSError("no address")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connect to the address checked, whatever a new lookup of the name would say."""

    addresses = ()

    def connect(self):
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The same over TLS: the certificate is checked against the host's name."""

    addresses = ()

    def __init__(self, host, port, *, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())

    def connect(self):
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _save(response, target: Path, deadline: float) -> None:
    kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    not_taken = FetchError(
        _("not a type of file the media library takes (the old site says “%(type)s”)")
        % {"type": kind or "?"}
    )
    if kind.startswith("text/") or kind.endswith(("+xml", "/xml")):
        raise not_taken  # HTML, SVG, XML: never, whatever their first bytes look like
    limit = media_settings.MAX_BYTES
    too_large = FetchError(
        _("larger than %(limit)s, what the media library takes") % {"limit": filesizeformat(limit)}
    )
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise too_large
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    size = 0
    try:
        with open(partial, "wb") as out:
            head = b""
            while chunk := response.read(CHUNK):
                if len(head) < HEAD_BYTES:
                    head += chunk[: HEAD_BYTES - len(head)]
                    if len(head) >= HEAD_BYTES and not accepts(head, target.name):
                        raise not_taken
                size += len(chunk)
                if size > limit:
                    raise too_large
                if time.monotonic() > deadline:
                    raise FetchError(
                        _("took longer than %(n)d seconds (WORDPRESS_FETCH_MAX_SECONDS)")
                        % {"n": wordpress_settings.FETCH_MAX_SECONDS}
                    )
                out.write(chunk)
        if length and length.isdigit() and size != int(length):
            raise FetchError(_("the download was cut short"))
        if len(head) < HEAD_BYTES and not accepts(head, target.name):
            raise not_taken  # a file shorter than the bytes read to know its type
        os.replace(partial, target)
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(_("the download failed (%(error)s)") % {"error": error}) from None
    finally:
        if partial.exists():
            partial.unlink()
