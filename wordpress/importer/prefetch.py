"""--fetch-media before the first pass: the attachments the library and the media folder
lack are downloaded several at a time (WORDPRESS_FETCH_WORKERS), so that a blog of
thousands of images does not wait for each in turn. The first pass then finds them on disk.
"""

from concurrent.futures import ThreadPoolExecutor

from django.utils.translation import gettext as _

from posts.models import Media
from wordpress import wxr
from wordpress.conf import wordpress_settings
from wordpress.fetch import FetchError
from wordpress.importer import blogs
from wordpress.importer.context import ImportContext
from wordpress.importer.fields import storable_id
from wordpress.importer.media import attachment_path, fetch_upload, local_file

BATCH = 200  # attachments looked up in the library at once


def prefetch_media(context: ImportContext, stream) -> None:
    """Read the file for its attachments and fetch those missing (errors are kept in
    context.fetch_errors for the first pass to report)."""
    context.stage(_("fetching media from the old site"))
    batch = []
    with ThreadPoolExecutor(max_workers=wordpress_settings.FETCH_WORKERS) as pool:
        try:
            for record in wxr.read(stream, comments_of=()):
                if isinstance(record, wxr.Site):
                    blogs.check(context, record)  # fetch nothing of another blog
                if _is_attachment(record):
                    batch.append(record)
                    if len(batch) == BATCH:
                        _fetch(context, pool, batch)
                        batch = []
        except blogs.OtherBlog:
            raise
        except wxr.WXRError:
            pass  # the first pass imports what comes before it and reports it
        _fetch(context, pool, batch)


def _is_attachment(record) -> bool:
    return (
        isinstance(record, wxr.Item)
        and record.post_type == "attachment"
        and storable_id(record.id)
    )


def _fetch(context: ImportContext, pool, items) -> None:
    known = set(
        Media.objects.filter(wordpress_id__in=[item.id for item in items]).values_list(
            "wordpress_id", flat=True
        )
    )
    wanted = []
    for item in items:
        relative = attachment_path(item)
        if item.id in known or not relative or not item.attachment_url:
            continue
        if local_file(context, item.attachment_url, relative) is None:
            wanted.append((item.id, item.attachment_url, relative))

    def one(job):
        wordpress_id, url, relative = job
        try:
            fetch_upload(url, relative)
            return wordpress_id, ""
        except FetchError as error:
            return wordpress_id, str(error)

    for wordpress_id, error in pool.map(one, wanted):
        if error:
            context.fetch_errors[wordpress_id] = error
        else:
            context.report.count("media fetched", "created")
