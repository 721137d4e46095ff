"""The old pages of attachments, pointed at the article or page the image belongs to (when
it is published), else at the image itself.

Three old addresses per attachment: its permalink (/2019/05/20/article/photo/), its query
form (/?attachment_id=21) and its file (/wp-content/uploads/2019/05/photo.jpg, which other
sites and image searches link to). All are django.contrib.redirects rows; the query form is
stored as the path Django's request.get_full_path() gives ("/?attachment_id=21", under
the old blog's folder if it had one), for the middleware that answers WordPress's
query-string addresses to look up by that path.
"""

from django.contrib.redirects.models import Redirect
from django.db import transaction

from posts.models import Media, Page, Post
from wordpress.importer.context import ImportContext
from wordpress.redirects import reverse_in

# Attachments whose rows are read and written together, in one transaction.
CHUNK = 500


def attachment_id_path(prefix: str, wordpress_id: int) -> str:
    """The Redirect.old_path of /?attachment_id=N (prefix: the old blog's folder)."""
    return f"{prefix.rstrip('/')}/?attachment_id={wordpress_id}"


def record_attachment_pages(context: ImportContext) -> None:
    """Write the redirects of every attachment the run imported (see the module)."""
    redirects, pending = context.redirects, context.attachment_pages
    if redirects is None:
        return
    for start in range(0, len(pending), CHUNK):
        with transaction.atomic():
            _record(context, pending[start : start + CHUNK])
    pending.clear()


def _record(context: ImportContext, attachments: list) -> None:
    redirects = context.redirects
    parents = {parent for _id, _pk, parent, *_links in attachments if parent}
    posts = {p.wordpress_id: p for p in Post.objects.published().filter(wordpress_id__in=parents)}
    pages = {p.wordpress_id: p for p in Page.objects.published().filter(wordpress_id__in=parents)}
    files = dict(
        Media.objects.filter(pk__in={pk for _id, pk, *_rest in attachments}).values_list(
            "pk", "file"
        )
    )
    redirects.read_ahead(
        [url for *_ids, link, file_url in attachments for url in (link, file_url)]
    )
    by_query = {}
    for wordpress_id, media_pk, parent, link, file_url in attachments:
        if media_pk not in files:
            continue
        media_url = context.media_urls.get(media_pk) or Media(file=files[media_pk]).url
        if parent in posts:
            target = reverse_in(posts[parent].language, "posts:detail", slug=posts[parent].slug)
        elif parent in pages:
            target = reverse_in(pages[parent].language, "posts:page", path=pages[parent].path)
        else:
            target = media_url
        redirects.add(link, target)
        if "/wp-content/uploads/" in file_url:
            redirects.add(file_url, media_url)
        if target:
            by_query[attachment_id_path(redirects.prefix, wordpress_id)] = target
    _write_query_redirects(context, by_query)


def _write_query_redirects(context: ImportContext, wanted: dict) -> None:
    site = context.redirects.site
    existing = {
        row.old_path: row for row in Redirect.objects.filter(site=site, old_path__in=wanted)
    }
    new = []
    for old_path, target in wanted.items():
        row = existing.get(old_path)
        if row is None:
            new.append(Redirect(site=site, old_path=old_path, new_path=target))
            context.report.count("redirects", "created")
        elif row.new_path != target:
            row.new_path = target
            row.save(update_fields=["new_path"])
            context.report.count("redirects", "updated")
        else:
            context.report.count("redirects", "unchanged")
    Redirect.objects.bulk_create(new)
