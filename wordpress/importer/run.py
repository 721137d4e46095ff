"""Import a WordPress export into the site, one item per savepoint, keyed by WordPress ids.

Two passes over the file (each streamed): the first stores the attachments (images), so
that the second can point bodies, galleries and featured images at them whatever order
the file lists items in. Every write goes through the services of posts, comments and
reactions, called directly.

Items share transactions, a batch at a time (see _second_pass): an error undoes its own
item only, and what finished before it is committed. What the items of a batch look up by
WordPress id is read for the whole batch at once (context.ReadAhead).

Running the same file again changes nothing; a newer export updates what changed.
"""

from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.utils.translation import gettext as _

from posts import cache
from posts.models import Post
from wordpress import wxr
from wordpress.batch import Pending, ReadAhead
from wordpress.importer import blogs, comments, content, internal_links, languages
from wordpress.importer.authors import import_author
from wordpress.importer.body_files import import_body_files, note_body_files
from wordpress.importer.content import import_page, import_post
from wordpress.importer.context import ImportContext
from wordpress.importer.fields import storable_id, without_unstorable_id
from wordpress.importer.finish import finish
from wordpress.importer.media import import_media
from wordpress.importer.prefetch import prefetch_media
from wordpress.importer.savepoints import committed, item_savepoint
from wordpress.importer.terms import import_term, term_kind
from wordpress.redirects import RedirectWriter
from wordpress.report import Report

IMPORTED_TYPES = {"post", "page", "attachment"}


# Items share a transaction, this many at a time (each still in its own savepoint): a
# commit per article waits for the disk once per article. Small enough that SQLite's write
# lock (one writer at a time) is let go about every half second.
ITEMS_PER_TRANSACTION = 50


class _Rollback(Exception):
    pass


def run_import(
    source,
    *,
    media_dir=None,
    dry_run: bool = False,
    language: str = "",
    options: dict | None = None,
    progress: Callable[[int, int], None] | None = None,
    stage: Callable[[str], None] | None = None,
    entries: Callable[[list], None] | None = None,
) -> Report:
    """Import the WXR file at `source` (a path, or a callable opening the file) and return
    the report; progress(done, total) is called as items are read, stage(name) as the run
    goes from one pass to the next, entries(list) with the report's entries as they are
    committed (else the report keeps them).

    With dry_run, everything runs inside one transaction that is rolled back: the report
    says what would happen and nothing is written. A WXRError (not an export, broken XML)
    ends the run; items finished before it stay imported (each was its own transaction).
    """
    report = Report(dry_run=dry_run, sink=entries)
    context = ImportContext(
        report=report,
        language=language,
        media_dir=Path(media_dir) if media_dir else None,
        options=dict(options or {}),
        stage=stage or (lambda name: None),
        # Transactions the caller has open (a test's): the run's own are those above.
        atomic_depth=len(transaction.get_connection().atomic_blocks),
    )
    try:
        # Each saved article, term or page would forget stored pages (cache round trips);
        # they are forgotten once, when the run ends.
        with cache.changes_deferred():
            if dry_run:
                try:
                    with transaction.atomic():
                        _run(source, context, progress)
                        raise _Rollback
                except _Rollback:
                    # What would have been committed is the dry run's report (kept once
                    # the rollback is over, so that a sink writing rows keeps them).
                    report.commit()
            else:
                _run(source, context, progress)
    except wxr.WXRError as error:
        report.rollback()
        report.error = str(error)
    finally:
        if not dry_run:
            # Comments and reactions arrive in bulk (no per-row signals): forget every
            # stored page once, so readers see the imported site at once.
            cache.site_changed()
    return report


@contextmanager
def _opened(source):
    """A path is read as it is; a callable (storage.open for an upload) gives a fresh file
    for each pass."""
    if not callable(source):
        yield source
        return
    handle = source()
    try:
        yield handle
    finally:
        handle.close()


def _run(source, context: ImportContext, progress) -> None:
    context.stage(_("reading the file and its media"))
    total = _import_attachments(source, context, progress)
    languages.check(context)
    context.stage(_("importing authors, terms, articles, pages and comments"))
    if progress:
        progress(0, total)
    with _opened(source) as stream:
        _second_pass(stream, context, progress, total)
    context.stage(_("finishing: parent pages, old addresses"))
    finish(context)
    committed(context)


def _second_pass(stream, context, progress, total) -> None:
    """Import the records in batches of ITEMS_PER_TRANSACTION, one transaction each."""
    # The file's repairs are reported once, from this pass.
    records = wxr.read(stream, warn=context.report.warn)
    done = 0
    while True:
        batch, error = [], None
        try:
            for record in records:
                batch.append(record)
                if len(batch) == ITEMS_PER_TRANSACTION:
                    break
        except wxr.WXRError as broken:
            error = broken  # the records before it are imported first
        if batch:
            done = _import_batch(batch, context, progress, total, done)
        if error is not None:
            raise error
        if len(batch) < ITEMS_PER_TRANSACTION:
            return


def _import_batch(batch, context, progress, total, done) -> int:
    """One transaction: every item in its savepoint, then the rows they left pending."""
    atomic = transaction.atomic()
    atomic.__enter__()
    flushed = False
    try:
        try:
            context.pending = Pending()
            if context.redirects is not None:
                context.redirects.pending = context.pending
            items = [record for record in batch if isinstance(record, wxr.Item)]
            _read_ahead(context, items)
            comments.read_ahead_comments(context, items)
            for record in batch:
                if _import_record(context, record):
                    done += 1
                    if progress:
                        progress(done, total)
        finally:
            pending, context.pending, context.read_ahead = context.pending, None, {}
            if context.redirects is not None:
                context.redirects.pending = None
            pending.flush()
            flushed = True
    except BaseException as error:
        if flushed:
            # An item stopped the run: it has undone itself, the items before it are
            # written whole (their pending rows too) and stay imported.
            atomic.__exit__(None, None, None)
            committed(context)
        else:
            atomic.__exit__(type(error), error, error.__traceback__)
            context.report.rollback()
        raise
    atomic.__exit__(None, None, None)
    committed(context)
    return done


def _read_ahead(context, items) -> None:
    posts = [item.id for item in items if item.post_type == "post" and storable_id(item.id)]
    context.read_ahead["posts"] = ReadAhead(
        posts, lambda ids: Post.objects.in_bulk(ids, field_name="wordpress_id")
    )
    content.read_ahead_slugs(context, items)
    internal_links.read_ahead(context, items)
    if context.redirects is not None:
        context.redirects.read_ahead(
            [url for item in items for url in (item.link, item.guid) if url]
        )


def _import_record(context, record) -> bool:
    """Import one record; True when it was an item (an article, a page, an attachment...)."""
    if isinstance(record, wxr.Site):
        _start(context, record)
    elif isinstance(record, wxr.Author):
        label = record.display_name or record.login
        record = without_unstorable_id(context.report, "authors", label, record)
        item_savepoint(
            context,
            "authors",
            label,
            lambda r=record: import_author(context, r),
            wordpress_id=record.id,
        )
    elif isinstance(record, wxr.Term):
        context.terms.clear()  # a term's slug or name may change: look them up afresh
        record = without_unstorable_id(context.report, term_kind(record), record.name, record)
        item_savepoint(
            context,
            term_kind(record),
            record.name,
            lambda r=record: import_term(context, r),
            wordpress_id=record.id,
        )
    elif isinstance(record, wxr.Item):
        _import_item(context, record)
        return True
    return False


def _import_item(context, item: wxr.Item) -> None:
    if not storable_id(item.id):
        context.report.skip(
            "posts" if item.post_type == "post" else "other",
            item.title,
            _("its WordPress id (%(id)s) is out of range") % {"id": item.id},
            field="wordpress_id",
        )
        return
    if item.post_type == "post":
        work, kind = import_post, "posts"
    elif item.post_type == "page":
        work, kind = import_page, "pages"
    elif item.post_type == "wp_block":
        context.report.note(
            "other",
            item.title,
            _("a reusable block: its content is in the articles and pages that use it"),
            wordpress_id=item.id,
        )
        return
    elif item.post_type in IMPORTED_TYPES:
        # Attachments: the first pass; their old pages are answered when the run ends.
        context.attachment_links[item.id] = (item.parent, item.link)
        return
    else:
        context.report.other_type(item.post_type or "?")
        context.report.skip(
            "other",
            item.title,
            _("WordPress type “%(type)s” is not imported") % {"type": item.post_type},
            wordpress_id=item.id,
        )
        return
    item_savepoint(context, kind, item.title, lambda: work(context, item), wordpress_id=item.id)


def _start(context: ImportContext, site: wxr.Site) -> None:
    blogs.check(context, site)
    context.site = site
    languages.start(context, site)
    if context.redirects is None:  # the same file in both passes: one writer
        prefix = urlsplit(site.base_blog_url or site.link or "").path
        context.redirects = RedirectWriter(context.report, prefix=prefix)


def _import_attachments(source, context: ImportContext, progress=None) -> int:
    """First pass: store every attachment found under the media dir; count the items."""
    if context.options.get("fetch_media") and not context.report.dry_run:
        with _opened(source) as stream:  # one more read of the file, only to fetch media
            prefetch_media(context, stream)
    with _opened(source) as stream:
        items = _first_pass(stream, context, progress)
    import_body_files(context)
    committed(context)
    return items


def _keep_attachment_comments(context, attachment: wxr.Item) -> None:
    """An attachment's comments go to the article it belongs to (WordPress showed them on
    the attachment's page, which is now that article's image)."""
    if attachment.parent:
        context.attachment_comments.setdefault(attachment.parent, []).extend(attachment.comments)
        return
    for comment in attachment.comments:
        context.report.skip(
            "comments",
            attachment.title,
            _("on an attachment that belongs to no article or page"),
            wordpress_id=comment.id,
        )
    committed(context)


def _first_pass(stream, context: ImportContext, progress=None) -> int:
    items = 0
    # Only attachments' comments are needed now (they go to their parent's article).
    for record in wxr.read(stream, comments_of={"attachment"}):
        if isinstance(record, wxr.Site):
            _start(context, record)
        languages.observe(context, record)
        if not isinstance(record, wxr.Item):
            continue
        items += 1
        if progress:
            progress(items, 0)  # counting: the total is known when the pass ends
        note_body_files(context, record)
        if record.post_type == "wp_block" and record.status == "publish":
            context.reusable_blocks[record.id] = record.content or ""
        if record.post_type == "attachment" and record.comments:
            _keep_attachment_comments(context, record)
        if record.post_type == "attachment":
            item_savepoint(
                context,
                "media",
                record.title,
                lambda r=record: import_media(context, r),
                wordpress_id=record.id,
            )
    return items
