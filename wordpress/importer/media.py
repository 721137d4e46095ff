"""Attachments: images copied from the old uploads folder into the media library, and the
addresses in bodies and galleries pointed at them."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from posts.markup import html_to_text
from posts.media import store_image
from posts.models import Media
from wordpress import markup, wxr
from wordpress.importer.context import ImportContext

UPLOADS = "/wp-content/uploads/"
SIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")


def _relative_upload(url: str, attached_file: str = "") -> str:
    if attached_file:
        return attached_file.lstrip("/")
    path = unquote(urlsplit(url).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


def import_media(context: ImportContext, item: wxr.Item) -> None:
    relative = _relative_upload(item.attachment_url, item.meta.get("_wp_attached_file", ""))
    alt = item.meta.get("_wp_attachment_image_alt", "").strip()
    media = Media.objects.filter(wordpress_id=item.id).first()
    if media is None:
        source = context.media_dir / relative if context.media_dir and relative else None
        if source is None or not source.is_file():
            context.report.missing(item.attachment_url or relative)
            context.report.skip(
                "media", item.title or relative, _("file not found in the media folder")
            )
            return
        if context.report.dry_run:
            # Files are not in the transaction that a dry run rolls back: copy none.
            context.report.count("media", "created")
            return
        try:
            with source.open("rb") as handle:
                media = store_image(
                    File(handle, name=Path(relative).name),
                    alt_text=alt,
                    caption=html_to_text(item.excerpt)[:500],
                    title=item.title[:200],
                    original_url=item.attachment_url[:500],
                    wordpress_id=item.id,
                    allow_missing_alt=True,
                )
        except ValidationError as error:
            context.report.missing(item.attachment_url or relative)
            context.report.skip("media", item.title or relative, "; ".join(error.messages))
            return
        if not alt:
            context.report.note("media", relative, _("no alternative text: write one"))
        context.report.count("media", "created")
    elif media.alt_text != alt[:300] and alt:
        media.alt_text = alt[:300]
        media.save(update_fields=["alt_text"])
        context.report.count("media", "updated")
    else:
        context.report.count("media", "unchanged")
    context.media_by_path[relative] = media.pk
    context.media_by_wordpress_id[item.id] = media.pk
    if item.parent:
        context.media_by_parent.setdefault(item.parent, []).append(media.pk)


def _rewrite_url(context: ImportContext, url: str) -> str:
    if UPLOADS not in url:
        return url
    relative = _relative_upload(url)
    pk = context.media_by_path.get(relative) or context.media_by_path.get(SIZED.sub("", relative))
    if pk is None:
        context.report.missing(url)
        return url
    media = Media.objects.filter(pk=pk).only("file").first()
    return media.url if media else url


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
    return markup.convert(
        item.content,
        gallery=lambda ids: _gallery(context, item, ids),
        rewrite_url=lambda url: _rewrite_url(context, url),
    )
