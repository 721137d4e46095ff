"""Uploaded files a body shows or links to that no attachment in the file names (WordPress
deleted the attachment and left its file, or the author linked a file uploaded elsewhere
on the blog): an image an <img> shows, and any file of a type the library knows that a
link, a player (<audio>, <video>, <source>) or an [audio]/[video] shortcode names. Found
in the media folder, or fetched with --fetch-media from the old site (never from another
site: its files are its own), and brought into the library so that the body points at
them too.

Collected while the first pass reads the articles and pages; imported when it ends, once
every attachment is known (an image that is an attachment's is never brought twice).
"""

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from posts.filetypes import SUFFIXES
from posts.media import store_upload
from posts.models import Media
from wordpress import wxr
from wordpress.fetch import FetchError
from wordpress.importer.context import ImportContext
from wordpress.importer.media import fetch_upload, local_file, web_address
from wordpress.uploads import (
    IMAGE_SUFFIXES,
    PHOTON,
    WORDPRESS_COM_FILES,
    original_of,
    relative_upload,
)

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
SRC = re.compile(r"""\ssrc\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
ALT = re.compile(r"""\salt\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
# A link or a player's file, and the file of an [audio]/[video] shortcode (src="", mp3="").
FILE_ATTRIBUTE = re.compile(
    r"""\s(?:href|src|mp3|m4a|ogg|oga|wav|flac|wma|mp4|m4v|webm|ogv|mov|wmv|flv)\s*=\s*"""
    r"""(["'])([^"'<>]*?)\1""",
    re.IGNORECASE,
)


def note_body_files(context: ImportContext, item: wxr.Item) -> None:
    """Remember the uploaded files an article or a page shows or links to (by the
    original's path): images first, with their alternative text."""
    if item.post_type not in ("post", "page"):
        return
    content = item.content or ""
    for tag in IMG.findall(content):
        src = SRC.search(tag)
        if not src:
            continue
        url = html.unescape(src[2]).strip()
        relative = relative_upload(url)
        if relative and Path(relative).suffix.lower() in IMAGE_SUFFIXES:
            alt = ALT.search(tag)
            context.body_files.setdefault(
                original_of(relative), (url, html.unescape(alt[2]).strip() if alt else "")
            )
    for match in FILE_ATTRIBUTE.finditer(content):
        url = html.unescape(match[2]).strip()
        relative = relative_upload(url)
        if relative and Path(relative).suffix.lower() in SUFFIXES:
            context.body_files.setdefault(original_of(relative), (url, ""))


def import_body_files(context: ImportContext) -> None:
    """Bring into the library each remembered file that no attachment brought."""
    for relative, (url, alt) in context.body_files.items():
        if relative in context.media_by_path:
            continue
        mark = context.report.mark()
        try:
            with transaction.atomic():
                _import(context, relative, url, alt)
        except ValidationError as error:
            context.report.undo(mark)
            context.report.skip("media", relative, "; ".join(error.messages))
    context.body_files.clear()


def _original_url(url: str) -> str:
    return original_of(url.split("?", 1)[0].split("#", 1)[0])


def _import(context: ImportContext, relative: str, url: str, alt: str) -> None:
    original_url = web_address(_original_url(url))
    media = Media.objects.filter(original_url=original_url).first() if original_url else None
    if media is None:
        source = _find(context, relative, url, original_url)
        if source is None:
            return  # the body keeps the old address; the report lists it as missing
        if context.report.dry_run:
            context.report.count("media", "created")
            return
        with source.open("rb") as handle:
            media = store_upload(
                File(handle, name=Path(relative).name),
                alt_text=alt[:300],
                original_url=original_url,
                allow_missing_alt=True,
            )
        context.report.count("media", "created")
        context.report.note(
            "media",
            relative,
            _("shown or linked in an article but not an attachment in the file: imported"),
        )
    else:
        context.report.count("media", "unchanged")
    context.media_by_path[relative] = media.pk
    context.media_urls[media.pk] = media.url


def _find(context, relative, url, original_url):
    """The file: the original, else the resized copy the body shows; from the
    media folder, else fetched (with --fetch-media)."""
    sized = relative_upload(url)
    candidates = [(original_url, relative)]
    if sized != relative:
        candidates.append((url.split("?", 1)[0], sized))
    for candidate_url, path in candidates:
        found = local_file(context, candidate_url, path)
        if found:
            return found
    if not context.options.get("fetch_media") or not _old_site_host(context, url):
        return None  # another site's image is theirs: never copied from there
    if context.report.dry_run:
        return Path(relative)  # would be fetched: counted, never opened
    for candidate_url, path in candidates:
        try:
            found = fetch_upload(candidate_url, path)
            context.report.count("media fetched", "created")
            return found
        except FetchError:
            continue
    return None


def _old_site_host(context: ImportContext, url: str) -> bool:
    """Whether `url` is on the old site (its own host, its WordPress.com files host, or
    either through Jetpack's image proxy)."""
    hosts = set()
    for address in (context.site.link, context.site.base_blog_url, context.site.base_site_url):
        host = (urlsplit(address or "").hostname or "").lower()
        if host and host != "wordpress.com":
            hosts.add(host)
            if host.endswith(".wordpress.com"):
                hosts.add(host.removesuffix(".wordpress.com") + WORDPRESS_COM_FILES)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if PHOTON.match(host):
        host = parts.path.lstrip("/").partition("/")[0].lower()
    return host in hosts
