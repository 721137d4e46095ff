"""Links between the blog's own articles and pages, moved to their new addresses.

A body's <a href="https://oldblog.example.it/2024/03/slug/"> to another item of the same
export kept the old domain: it worked only as long as the old site answered, and broke when
the blog moved. A link to the file's own site (its <link>, base_site_url or base_blog_url,
with or without "www.", over http or https) whose old path one of the import's redirects
knows becomes that redirect's new address, relative to this site; its #fragment stays.
Every other link is left as it is.

An item is rewritten as it is imported with the addresses known by then (those of the
items before it, and all of them on a second import, so that it is then unchanged); the
items that link to one imported after them are rewritten together once the run ends.
"""

import html
import re
from collections import ChainMap
from collections.abc import Mapping
from urllib.parse import urlsplit

from posts import services
from posts.models import Page, Post
from wordpress.batch import IN_QUERY_SIZE

HREF = re.compile(r"""(\shref\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
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
            path = context.redirects.path_of(parts._replace(fragment="").geturl())
            if path:
                paths[href] = path
    return paths


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
    context.read_ahead[READ_AHEAD] = context.redirects.new_addresses(paths) if paths else {}


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
            new = context.redirects.new_addresses(
                {path for paths in found.values() for path in paths.values()}
            )
            for row in rows:
                body, _left = _rewritten(row.body, found[row.pk], new)
                if body != row.body:
                    row.body = body
                    changed.append(row)
    context.links_left.clear()
    services.replace_bodies(items=changed)
