"""Attachments: images, documents, sounds and videos brought into the media library (from
the media folder, an uploaded zip of it, or fetched from the old site), the addresses in
bodies and galleries pointed at them, and each file's old address redirected to it.

Files are found by their path inside the uploads folder (wordpress.uploads), so
self-hosted and WordPress.com exports work alike.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from posts.markup import html_to_text
from posts.media import store_upload
from posts.models import Media
from wordpress import markup, wxr
from wordpress.conf import wordpress_settings
from wordpress.fetch import fetch
from wordpress.importer.context import ImportContext
from wordpress.importer.fields import storable_id
from wordpress.uploads import (
    UPLOADS,
    WORDPRESS_COM_FILES,
    attached_path,
    file_in,
    original_of,
    relative_upload,
)


def is_wordpress_com(url: str) -> bool:
    """A file at WordPress.com's own host: its old address is never ours to answer."""
    return (urlsplit(url).hostname or "").lower().endswith(WORDPRESS_COM_FILES)


def attachment_path(item: wxr.Item) -> str:
    """Where the attachment's file is, relative to the uploads folder."""
    return attached_path(item.meta.get("_wp_attached_file", ""), item.attachment_url)


def fetch_dir() -> Path:
    return Path(wordpress_settings.FETCH_DIR or Path(settings.PRIVATE_ROOT) / "wordpress-media")


def _fetched(url: str, relative: str) -> str:
    """Where a fetched file is kept, inside fetch_dir(): by host, then as in uploads."""
    host = re.sub(r"[^a-z0-9.-]", "_", (urlsplit(url).hostname or "").lower()).strip(".")
    return f"{host or 'unknown'}/{relative}"


def local_file(context: ImportContext, url: str, relative: str) -> Path | None:
    """The file of an upload on this machine: in the media folder, or fetched before."""
    found = file_in(context.media_dir, relative)
    if found is None and context.options.get("fetch_media") and url:
        found = file_in(fetch_dir(), _fetched(url, relative))
    return found


def fetch_upload(url: str, relative: str) -> Path:
    """Fetch an upload into fetch_dir() (FetchError says why not); return the file."""
    return fetch(url, fetch_dir() / _fetched(url, relative))


def import_media(context: ImportContext, item: wxr.Item) -> None:
    relative = attachment_path(item)
    if not storable_id(item.id):
        context.report.skip(
            "media",
            item.title or relative,
            _("its WordPress id (%(id)s) is out of range") % {"id": item.id},
            field="wordpress_id",
        )
        return
    alt = item.meta.get("_wp_attachment_image_alt", "").strip()[:300]
    caption = html_to_text(item.excerpt)[:500]
    label = item.title or relative or item.attachment_url
    media = Media.objects.filter(wordpress_id=item.id).first()
    if media is None:
        source = local_file(context, item.attachment_url, relative) if relative else None
        if source is None:
            fetchable = relative and item.attachment_url and context.options.get("fetch_media")
            if context.report.dry_run and fetchable:
                context.report.count("media", "created")  # would be fetched
                _remember_paths(context, item, relative, None)
                return
            context.report.missing(item.attachment_url or relative)
            reason = context.fetch_errors.pop(item.id, "") or _(
                "file not found in the media folder"
            )
            context.report.skip("media", label, reason, wordpress_id=item.id)
            return
        if context.report.dry_run:
            # Files are not in the transaction that a dry run rolls back: copy none.
            context.report.count("media", "created")
            _remember_paths(context, item, relative, None)
            return
        try:
            with source.open("rb") as handle:
                media = store_upload(
                    File(handle, name=Path(relative).name),
                    alt_text=alt,
                    caption=caption,
                    title=item.title[:200],
                    original_url=web_address(item.attachment_url),
                    wordpress_id=item.id,
                    allow_missing_alt=True,
                )
        except ValidationError as error:
            context.report.missing(item.attachment_url or relative)
            context.report.skip("media", label, "; ".join(error.messages), wordpress_id=item.id)
            # Known and refused: a body linking to it does not bring it again.
            _remember_paths(context, item, relative, None)
            return
        if not alt and media.is_image:
            context.report.note(
                "media", label, _("no alternative text: write one"), wordpress_id=item.id
            )
        context.report.count("media", "created")
    else:
        wanted = {"alt_text": alt or media.alt_text, "caption": caption}
        changed = [name for name, value in wanted.items() if getattr(media, name) != value]
        for name in changed:
            setattr(media, name, wanted[name])
        if changed:
            media.save(update_fields=changed)
        context.report.count("media", "updated" if changed else "unchanged")
    _remember(context, item, media, relative)
    _redirect_upload(context, item, media)


def _redirect_upload(context: ImportContext, item: wxr.Item, media: Media) -> None:
    """The file's own old address answers with the imported file (its resized copies too:
    wordpress.oldaddresses reads those from this row); this site's export names them all,
    with the old pages of a file that belongs to no article."""
    if context.redirects is None:
        return
    url = item.attachment_url
    if url and UPLOADS in (urlsplit(url).path or "") and not is_wordpress_com(url):
        context.redirects.add(url, media.url)
    for old in item.old_addresses:
        # The file's address leads to the file; its old page (?attachment_id=N) to its page.
        target = media.url if UPLOADS in old else media.get_absolute_url()
        context.redirects.add_exact(old, target)


def web_address(url: str) -> str:
    return url if url.startswith(("http://", "https://")) and len(url) <= 500 else ""


def _remember_paths(context: ImportContext, item: wxr.Item, relative: str, pk) -> None:
    """Map the attachment's paths to its Media (None in a dry run: known, not stored)."""
    for path in {relative, original_of(relative), relative_upload(item.attachment_url)}:
        if path:
            context.media_by_path[path] = pk


def _remember(context: ImportContext, item: wxr.Item, media: Media, relative: str) -> None:
    _remember_paths(context, item, relative, media.pk)
    context.media_urls[media.pk] = media.url
    context.media_by_wordpress_id[item.id] = media.pk
    if item.parent:
        context.media_by_parent.setdefault(item.parent, []).append(media.pk)


def _rewrite_url(context: ImportContext, url: str) -> str:
    relative = relative_upload(url)
    if not relative:
        return url
    pk = context.media_by_path.get(relative) or context.media_by_path.get(original_of(relative))
    if pk is None:
        context.report.missing(url)
        return url
    if pk not in context.media_urls:
        media = Media.objects.filter(pk=pk).only("file").first()
        context.media_urls[pk] = media.url if media else url
    return context.media_urls[pk]


def _gallery(context: ImportContext, item: wxr.Item, ids):
    pks = (
        [context.media_by_wordpress_id[i] for i in ids if i in context.media_by_wordpress_id]
        if ids
        else context.media_by_parent.get(item.id, [])
    )
    by_pk = Media.objects.in_bulk(pks)
    return [
        markup.Image(url=by_pk[pk].url, alt=by_pk[pk].alt_text, caption=by_pk[pk].caption)
        for pk in pks
        if pk in by_pk
    ]


def convert(context, item: wxr.Item):
    converted = markup.convert(
        item.content,
        gallery=lambda ids: _gallery(context, item, ids),
        rewrite_url=lambda url: _rewrite_url(context, url),
        reusable=context.reusable_blocks.get,
        code_encoded=any(item.meta.get(key) for key in markup.CODE_ENCODED_META),
    )
    kind = "pages" if item.post_type == "page" else "posts"
    if converted.drawn:
        # WordPress filled these in each time it showed the page (latest posts, a query
        # loop, a reusable block the file lacks): the editor should know they are gone.
        context.report.note(
            kind,
            item.title,
            _("blocks WordPress filled in when showing it are empty here: %(names)s")
            % {"names": ", ".join(converted.drawn)},
            wordpress_id=item.id,
            field="content",
        )
    if converted.shortcodes:
        # Left as the text the author typed (that is what a reader sees): the editor
        # should know which plugin's work is missing.
        names = ", ".join(converted.shortcodes)
        context.report.note(
            kind,
            item.title,
            ngettext(
                "a shortcode is left as text (a WordPress plugin drew it): %(names)s",
                "shortcodes are left as text (WordPress plugins drew them): %(names)s",
                len(converted.shortcodes),
            )
            % {"names": names},
            wordpress_id=item.id,
            field="content",
        )
    if converted.empty_galleries:
        context.report.note(
            kind,
            item.title,
            ngettext(
                "a gallery whose images are not in the file is missing: %(galleries)s",
                "galleries whose images are not in the file are missing: %(galleries)s",
                len(converted.empty_galleries),
            )
            % {"galleries": " ".join(converted.empty_galleries)},
            wordpress_id=item.id,
            field="content",
        )
    return converted
