"""Links between the blog's own articles and pages, moved to their new addresses.

A body's <a href="https://oldblog.example.it/2024/03/slug/"> to another item of the same
export kept the old domain: it worked only as long as the old site answered, and broke when
the blog moved. A link to the file's own site (its <link>, base_site_url or base_blog_url,
with or without "www.", over http or https) whose old path one of the import's redirects
knows becomes that redirect's new address, relative to this site; its #fragment stays. So
does a link by number, WordPress's own shortest form (/?p=123, /?page_id=7), to the article
or page imported from that item. Every other link is left as it is.

An item is rewritten as it is imported with the addresses known by then (those of the
items before it, and all of them on a second import, so that it is then unchanged); the
items that link to one imported after them are rewritten together once the run ends.
"""

import html
import re
from collections import ChainMap
from collections.abc import Mapping
from urllib.parse import parse_qs, urlsplit

from posts import services
from posts.models import Page, Post
from wordpress.batch import IN_QUERY_SIZE

HREF = re.compile(r"""(\shref\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
# /?p=123 or /?page_id=7 (either reaches any item on WordPress): its key here, "?p=123".
BY_NUMBER = ("p", "page_id")
NUMBER_KEY = "?p="
READ_AHEAD = "internal links"
MODELS = {"posts": Post, "pages": Page}


def _own_hosts(context) -> set[str]:
    site, hosts = context.site, set()
    for url in (site.link, site.base_site_url, site.base_blog_url):
        url = (url or "").strip()
        host = (urlsplit(url if "://" in url else "//" + url).hostname or "").lower()
        if host:
            host = host.removeprefix("www.")
            hosts |= {host, "www." + host}
    return hosts


def _own_paths(context, text: str, hosts: set[str]) -> dict[str, str]:
    """Each link of `text` to the blog's own site: its href as written -> its old path."""
    paths = {}
    if not hosts or "href" not in text.lower():
        return paths
    for match in HREF.finditer(text):
        href = match[3]
        parts = urlsplit(html.unescape(href).strip())
        if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
            continue
        if (parts.hostname or "").lower() in hosts:
            path = _number_key(parts) or context.redirects.path_of(
                parts._replace(fragment="").geturl()
            )
            if path:
                paths[href] = path
    return paths


def _number_key(parts) -> str:
    """ "?p=123" for a link to /?p=123 or /?page_id=123 (also /index.php?...), else ""."""
    if parts.path not in ("", "/", "/index.php"):
        return ""
    query = parse_qs(parts.query)
    for name in BY_NUMBER:
        number = (query.get(name) or [""])[0]
        if number.isdigit() and int(number) > 0:
            return f"{NUMBER_KEY}{int(number)}"
    return ""


def new_addresses(context, keys) -> dict[str, str]:
    """The new address of each old path (the import's redirects) or "?p=N" (the article
    or page imported from item N: one query per kind and IN_QUERY_SIZE numbers)."""
    numbers = sorted(int(key[len(NUMBER_KEY) :]) for key in keys if key.startswith(NUMBER_KEY))
    found = context.redirects.new_addresses([k for k in keys if not k.startswith(NUMBER_KEY)])
    for model in (Post, Page):
        for start in range(0, len(numbers), IN_QUERY_SIZE):
            rows = model.objects.filter(wordpress_id__in=numbers[start : start + IN_QUERY_SIZE])
            address = "path" if model is Page else "slug"
            for row in rows.only("wordpress_id", "language", address):
                found.setdefault(f"{NUMBER_KEY}{row.wordpress_id}", row.get_absolute_url())
    return found


def _rewritten(text: str, paths: dict[str, str], new: Mapping[str, str]) -> tuple[str, bool]:
    """The text with each own link whose path is in `new` moved; and whether any own link
    is left whose path is not (yet)."""
    left = False

    def move(match) -> str:
        nonlocal left
        href = match[3]
        if href not in paths:
            return match[0]
        address = new.get(paths[href])
        if address is None:
            left = True
            return match[0]
        fragment = urlsplit(html.unescape(href)).fragment
        address += f"#{fragment}" if fragment else ""
        return f"{match[1]}{match[2]}{html.escape(address, quote=True)}{match[2]}"

    return HREF.sub(move, text), left


def read_ahead(context, items) -> None:
    """The new addresses of the own links in a batch's articles and pages, in one query."""
    if context.redirects is None:
        return
    hosts = _own_hosts(context)
    paths = set()
    for item in items:
        if item.post_type in ("post", "page"):
            paths.update(_own_paths(context, item.content or "", hosts).values())
    context.read_ahead[READ_AHEAD] = new_addresses(context, paths) if paths else {}


def rewrite(context, text: str, kind: str, wordpress_id: int) -> str:
    """The body with its links to the blog's own items at their new addresses, as far as
    they are known; the item is kept for finish() when some are not yet."""
    if context.redirects is None:
        return text
    paths = _own_paths(context, text, _own_hosts(context))
    if not paths:
        return text
    # This run's rows first: an item imported earlier in the run may have moved.
    new = ChainMap(context.redirects.known, context.read_ahead.get(READ_AHEAD, {}))
    text, left = _rewritten(text, paths, new)
    if left:
        context.links_left.add((kind, wordpress_id))
    return text


def finish(context) -> None:
    """Rewrite the items that link to items imported after them, in one pass: a query per
    IN_QUERY_SIZE items and one per IN_QUERY_SIZE old paths, one UPDATE per kind."""
    if context.redirects is None or not context.links_left:
        return
    hosts, changed = _own_hosts(context), []
    for kind, model in MODELS.items():
        ids = sorted(wordpress_id for k, wordpress_id in context.links_left if k == kind)
        for start in range(0, len(ids), IN_QUERY_SIZE):
            rows = list(
                model.objects.filter(wordpress_id__in=ids[start : start + IN_QUERY_SIZE]).only(
                    "pk", "body", "body_format"
                )
            )
            found = {row.pk: _own_paths(context, row.body, hosts) for row in rows}
            new = new_addresses(
                context, {path for paths in found.values() for path in paths.values()}
            )
            for row in rows:
                body, _left = _rewritten(row.body, found[row.pk], new)
                if body != row.body:
                    row.body = body
                    changed.append(row)
    context.links_left.clear()
    services.replace_bodies(items=changed)
