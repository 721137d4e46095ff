"""Import a WordPress export into the site, one item per savepoint, keyed by WordPress ids.

Two passes over the file (each streamed): the first stores the attachments (images), so
that the second can point bodies, galleries and featured images at them whatever order
the file lists items in. Every write goes through posts.services (and, for comments and
reactions, the handlers those apps register in posts.wordpress.hooks).

Items share transactions, a batch at a time (see _second_pass): an error undoes its own
item only, and what finished before it is committed. What the items of a batch look up by
WordPress id is read for the whole batch at once (hooks.ReadAhead).

Running the same file again changes nothing; a newer export updates what changed.
"""

import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from blogsite.roles import AUTHORS
from posts import cache, services
from posts.markup import BodyFormat, html_to_text
from posts.media import store_image
from posts.models import Category, Language, Media, Page, Post, Profile, Tag
from posts.wordpress import hooks, markup, wxr
from posts.wordpress.redirects import RedirectWriter, reverse_in, view_at
from posts.wordpress.report import Report

UPLOADS = "/wp-content/uploads/"
SIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
IMPORTED_TYPES = {"post", "page", "attachment"}


# Items share a transaction, this many at a time (each still in its own savepoint): a
# commit per article waits for the disk once per article. Small enough that SQLite's write
# lock (one writer at a time) is let go about every half second.
ITEMS_PER_TRANSACTION = 50


class _Rollback(Exception):
    pass


@dataclass
class ImportContext:
    """What one import run knows besides the current item; handlers read it too."""

    report: Report
    language: str = ""
    media_dir: Path | None = None
    options: dict = field(default_factory=dict)
    site: wxr.Site = field(default_factory=wxr.Site)
    users_by_login: dict = field(default_factory=dict)  # login -> user pk
    users_by_wordpress_id: dict = field(default_factory=dict)  # WordPress user id -> user pk
    media_by_path: dict = field(default_factory=dict)  # uploads-relative path -> Media pk
    media_by_parent: dict = field(default_factory=dict)  # WordPress post id -> [Media pk]
    media_by_wordpress_id: dict = field(default_factory=dict)
    pending_parents: list = field(default_factory=list)  # (page pk, WordPress parent id)
    archive_days: set = field(default_factory=set)
    redirects: RedirectWriter | None = None
    users: dict = field(default_factory=dict)  # user pk -> user
    # What the batch handlers read ahead for the current batch (name -> hooks.ReadAhead).
    read_ahead: dict = field(default_factory=dict)
    # The rows the current batch's items leave to be inserted when it ends (None outside
    # a batch: write at once).
    pending: hooks.Pending | None = None
    terms: dict = field(default_factory=dict)  # (model, language, slug or name) -> term

    def user(self, *, login: str = "", wordpress_id: int = 0):
        pk = self.users_by_wordpress_id.get(wordpress_id) if wordpress_id else None
        pk = pk or (self.users_by_login.get(login) if login else None)
        if not pk:
            return None
        # A blog has few authors: keep them rather than read one back per article.
        if pk not in self.users:
            self.users[pk] = get_user_model().objects.filter(pk=pk).first()
        return self.users[pk]


def run_import(
    source,
    *,
    media_dir=None,
    dry_run: bool = False,
    language: str = "",
    options: dict | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Import the WXR file at `source` (a path, or a callable opening the file) and return
    the report; progress(done, total) is called as items are read.

    With dry_run, everything runs inside one transaction that is rolled back: the report
    says what would happen and nothing is written. A WXRError (not an export, broken XML)
    ends the run; items finished before it stay imported (each was its own transaction).
    """
    report = Report(dry_run=dry_run)
    context = ImportContext(
        report=report,
        language=language,
        media_dir=Path(media_dir) if media_dir else None,
        options=dict(options or {}),
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
                    pass
            else:
                _run(source, context, progress)
    except wxr.WXRError as error:
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
    total = _import_attachments(source, context)
    if progress:
        progress(0, total)
    with _opened(source) as stream:
        _second_pass(stream, context, progress, total)
    _finish(context)


def _second_pass(stream, context, progress, total) -> None:
    """Import the records in batches of ITEMS_PER_TRANSACTION, one transaction each."""
    records = wxr.read(stream)
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
            context.pending = hooks.Pending()
            if context.redirects is not None:
                context.redirects.pending = context.pending
            items = [record for record in batch if isinstance(record, wxr.Item)]
            _read_ahead(context, items)
            for handler in hooks.batch_handlers():
                handler(context, items)
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
        else:
            atomic.__exit__(type(error), error, error.__traceback__)
        raise
    atomic.__exit__(None, None, None)
    return done


def _read_ahead(context, items) -> None:
    posts = [item.id for item in items if item.post_type == "post" and item.id]
    context.read_ahead["posts"] = hooks.ReadAhead(
        posts, lambda ids: Post.objects.in_bulk(ids, field_name="wordpress_id")
    )
    if context.redirects is not None:
        context.redirects.read_ahead(
            [url for item in items for url in (item.link, item.guid) if url]
        )


def _import_record(context, record) -> bool:
    """Import one record; True when it was an item (an article, a page, an attachment...)."""
    if isinstance(record, wxr.Site):
        _start(context, record)
    elif isinstance(record, wxr.Author):
        _atomic(context, "authors", record.login, lambda r=record: _import_author(context, r))
    elif isinstance(record, wxr.Term):
        context.terms.clear()  # a term's slug or name may change: look them up afresh
        _atomic(context, _term_kind(record), record.name, lambda r=record: _term(context, r))
    elif isinstance(record, wxr.Item):
        if record.post_type == "post":
            _atomic(context, "posts", record.title, lambda r=record: _import_post(context, r))
        elif record.post_type == "page":
            _atomic(context, "pages", record.title, lambda r=record: _import_page(context, r))
        elif record.post_type not in IMPORTED_TYPES:
            context.report.skip(
                "other",
                record.title or record.id,
                _("WordPress type “%(type)s” is not imported") % {"type": record.post_type},
            )
        return True
    return False


def _atomic(context, kind, label, work) -> None:
    """Run one item's import in its own savepoint (of its batch's transaction, in the second
    pass): an error undoes all of that item, and the rows it left pending, and nothing else."""
    pending = context.pending
    mark = pending.mark() if pending is not None else None
    known_logins, known_ids = set(context.users_by_login), set(context.users_by_wordpress_id)
    try:
        with transaction.atomic():
            work()
    except BaseException as error:
        if pending is not None:
            pending.undo(mark)
        context.terms.clear()  # it may have found a term it created and then undid
        _forget_users_made_by_the_failed_item(context, known_logins, known_ids)
        if isinstance(error, ValidationError):
            context.report.skip(kind, label or "?", "; ".join(error.messages))
        elif isinstance(error, ValueError | TypeError):
            context.report.skip(kind, label or "?", str(error))
        else:
            raise


def _forget_users_made_by_the_failed_item(context, known_logins, known_ids) -> None:
    """An author created inside an item that failed was rolled back with it: the next item
    naming that login creates it again instead of pointing at a row that is gone."""
    for mapping, known in (
        (context.users_by_login, known_logins),
        (context.users_by_wordpress_id, known_ids),
    ):
        for key in set(mapping) - known:
            context.users.pop(mapping.pop(key), None)


def _start(context: ImportContext, site: wxr.Site) -> None:
    context.site = site
    if not context.language:
        code = (site.language or "").split("-")[0].lower()
        context.language = code if code in Language.values else Language.ITALIAN
    if context.redirects is None:  # the same file in both passes: one writer
        prefix = urlsplit(site.base_blog_url or site.link or "").path
        context.redirects = RedirectWriter(context.report, prefix=prefix)


# --- Dates, slugs, URLs


def parse_date(gmt: str, local: str = "") -> datetime | None:
    """A WordPress date: the GMT one, else the local one read as UTC; None for 0000-00-00."""
    for value in (gmt, local):
        value = (value or "").strip()
        if value and not value.startswith("0000"):
            try:
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


def wordpress_slug(name: str) -> str:
    """Our ASCII slug for a WordPress slug (which may be percent-encoded Unicode)."""
    return slugify(unquote(name or ""))


def safe_url(url: str) -> str:
    """An address fit to become a link: http(s) only (never javascript: or data:)."""
    url = (url or "").strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") else ""


# --- Authors


def _import_author(context: ImportContext, author: wxr.Author):
    user_model = get_user_model()
    if author.id:
        found = Profile.objects.filter(wordpress_id=author.id)
    else:
        # WXR 1.0 has no author ids: the login is the key (of an author imported before).
        found = Profile.objects.filter(user__username=author.login, wordpress_id__isnull=True)
    profile = found.select_related("user").first()
    name = author.display_name or " ".join(filter(None, [author.first_name, author.last_name]))
    name = (name or author.login)[:80]
    if profile is not None:
        user = profile.user
        if profile.display_name != name:
            profile.display_name = name
            profile.full_clean()
            profile.save()
            context.report.count("authors", "updated")
        else:
            context.report.count("authors", "unchanged")
    else:
        username = author.login[:150] or f"wordpress-{author.id}"
        if user_model.objects.filter(username=username).exists():
            username = f"{username[:130]}-wp{author.id or ''}".rstrip("-")
            context.report.note(
                "authors",
                author.login,
                _("the login is taken here; imported as %(name)s") % {"name": username},
            )
        user = user_model(
            username=username,
            email=author.email if "@" in author.email else "",
            first_name=author.first_name[:150],
            last_name=author.last_name[:150],
        )
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        group, _created = Group.objects.get_or_create(name=AUTHORS)
        user.groups.add(group)
        # Posts written in the admin need staff access; an imported author may sign in
        # only after setting a password (the imported one is unusable).
        user_model.objects.filter(pk=user.pk).update(is_staff=True)
        Profile.objects.create(user=user, display_name=name, wordpress_id=author.id)
        context.report.count("authors", "created")
    context.users_by_login[author.login] = user.pk
    if author.id:
        context.users_by_wordpress_id[author.id] = user.pk
    context.redirects.add_path(
        f"/author/{author.login}/",
        reverse_in(context.language, "posts:author-detail", username=user.username),
    )
    return user


def _author_for(context: ImportContext, login: str):
    user = context.user(login=login)
    if user is None:
        with transaction.atomic():
            user = _import_author(context, wxr.Author(id=None, login=login or "wordpress"))
    return user


# --- Terms


def _term_kind(term: wxr.Term) -> str:
    return {"category": "categories", "post_tag": "tags"}.get(term.taxonomy, "other")


def _term(context, term: wxr.Term):
    if term.taxonomy == "category":
        return _import_category(context, term)
    if term.taxonomy == "post_tag":
        return _import_tag(context, term)
    context.report.skip(
        "other", term.name, _("taxonomy “%(t)s” is not imported") % {"t": term.taxonomy}
    )
    return None


def _find_term(model, context, term: wxr.Term):
    found = model.objects.filter(wordpress_id=term.id).first() if term.id else None
    if found is None and not term.id:
        found = model.objects.filter(
            language=context.language, slug=wordpress_slug(term.slug or term.name)
        ).first()
    return found


def _import_tag(context, term: wxr.Term) -> Tag:
    tag = _find_term(Tag, context, term)
    wanted = {"name": term.name[:80], "description": term.description}
    if tag is None:
        clash = Tag.objects.filter(language=context.language, name=wanted["name"]).first()
        if clash is not None and clash.wordpress_id is None and term.id:
            # A tag of ours with the same name: the WordPress one is the same label.
            tag = services.update_term(clash, wordpress_id=term.id)
            context.report.count("tags", "updated")
        else:
            tag = services.create_tag(
                slug=_free_slug(Tag, term, context, max_length=80),
                language=context.language,
                wordpress_id=term.id,
                **wanted,
            )
            context.report.count("tags", "created")
    else:
        _update_if_changed(context, "tags", tag, wanted)
    slug = term.slug or tag.slug
    context.redirects.add_path(
        f"/tag/{slug}/", reverse_in(tag.language, "posts:tag-detail", slug=tag.slug)
    )
    context.redirects.add_path(
        f"/tag/{slug}/feed/", reverse_in(tag.language, "posts:tag-feed-rss", slug=tag.slug)
    )
    return tag


def _import_category(context, term: wxr.Term) -> Category:
    category = _find_term(Category, context, term)
    parent = None
    if term.parent_slug:
        parent = Category.objects.filter(
            language=context.language, slug=wordpress_slug(term.parent_slug)
        ).first()
    wanted = {"name": term.name[:120], "description": term.description, "parent": parent}
    if category is None:
        category = services.create_category(
            slug=_free_slug(Category, term, context, max_length=120),
            language=context.language,
            wordpress_id=term.id,
            **wanted,
        )
        context.report.count("categories", "created")
    else:
        _update_if_changed(context, "categories", category, wanted)
    # WordPress nests category addresses: /category/parent/child/.
    slugs = [term.slug or category.slug]
    ancestor = parent
    while ancestor is not None and len(slugs) < 10:
        slugs.insert(0, ancestor.slug)
        ancestor = ancestor.parent
    new = reverse_in(category.language, "posts:category-detail", slug=category.slug)
    for path in {"/".join(slugs), term.slug or category.slug}:
        context.redirects.add_path(f"/category/{path}/", new)
        feed = reverse_in(category.language, "posts:category-feed-rss", slug=category.slug)
        if feed:
            context.redirects.add_path(f"/category/{path}/feed/", feed)
    return category


def _free_slug(model, term, context, *, max_length) -> str:
    base = wordpress_slug(term.slug) or wordpress_slug(term.name)
    return services.unique_slug(
        model, base or term.name, language=context.language, max_length=max_length
    )


def _update_if_changed(context, kind, term, wanted) -> None:
    changed = {k: v for k, v in wanted.items() if getattr(term, k) != v}
    if changed:
        services.update_term(term, **changed)
        context.report.count(kind, "updated")
    else:
        context.report.count(kind, "unchanged")


def _item_terms(context, item: wxr.Item):
    tags, categories = [], []
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category") or not (nicename or name):
            continue
        model = Tag if domain == "post_tag" else Category
        key = (model, context.language, nicename, name)
        term = context.terms.get(key)
        if term is None:
            term = model.objects.filter(
                language=context.language, slug=wordpress_slug(nicename or name)
            ).first()
            if term is None:
                term = model.objects.filter(language=context.language, name=name).first()
            if term is not None:
                # Found before this item: the next articles with it need no query.
                context.terms[key] = term
        if term is None:
            # WXR 1.0 files and exports by author list only some terms up front.
            term = _term(context, wxr.Term(domain, None, nicename, name or nicename))
        (tags if domain == "post_tag" else categories).append(term)
    return tags, categories


# --- Media


def _import_attachments(source, context: ImportContext) -> int:
    """First pass: store every attachment found under the media dir; count the items."""
    items = 0
    with _opened(source) as stream:
        items = _first_pass(stream, context)
    return items


def _first_pass(stream, context: ImportContext) -> int:
    items = 0
    for record in wxr.read(stream):
        if isinstance(record, wxr.Site):
            _start(context, record)
        if not isinstance(record, wxr.Item):
            continue
        items += 1
        if record.post_type == "attachment":
            _atomic(context, "media", record.title, lambda r=record: _import_media(context, r))
    return items


def _relative_upload(url: str, attached_file: str = "") -> str:
    if attached_file:
        return attached_file.lstrip("/")
    path = unquote(urlsplit(url).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


def _import_media(context: ImportContext, item: wxr.Item) -> None:
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


def _convert(context, item):
    return markup.convert(
        item.content,
        gallery=lambda ids: _gallery(context, item, ids),
        rewrite_url=lambda url: _rewrite_url(context, url),
    )


# --- Articles and pages


def _post_status(context, item: wxr.Item, kind: str):
    """Our status and date for a WordPress status (None: not imported, with the reason)."""
    published_at = parse_date(item.date_gmt, item.date)
    status = item.status
    if status in ("trash", "auto-draft", "inherit"):
        return None, None, _("WordPress status “%(s)s” is not imported") % {"s": status}
    if item.password:
        context.report.note(kind, item.title, _("password-protected: imported as a draft"))
        return Post.Status.DRAFT, None, ""
    if status == "private":
        context.report.note(kind, item.title, _("private: imported as a draft"))
        return Post.Status.DRAFT, None, ""
    if status in ("publish", "future") and published_at is not None:
        if published_at <= timezone.now():
            return Post.Status.PUBLISHED, published_at, ""
        return Post.Status.SCHEDULED, published_at, ""
    return Post.Status.DRAFT, None, ""


def _import_post(context: ImportContext, item: wxr.Item) -> None:
    status, published_at, reason = _post_status(context, item, "posts")
    if status is None:
        context.report.skip("posts", item.title, reason)
        return
    converted = _convert(context, item)
    lead = html_to_text(item.excerpt or converted.excerpt)
    tags, categories = _item_terms(context, item)
    cover_pk = context.media_by_wordpress_id.get(int(item.meta.get("_thumbnail_id") or 0) or -1)
    fields = {
        "title": (item.title or _("(untitled)"))[:200],
        "author": _author_for(context, item.creator),
        "body": converted.html,
        "lead": lead,
        "body_format": BodyFormat.HTML,
        "status": status,
        "published_at": published_at,
        "language": context.language,
        "cover": Media.objects.filter(pk=cover_pk).first() if cover_pk else None,
        "sticky": item.sticky,
        "comments_open": item.comment_status == "open",
    }
    read_ahead = context.read_ahead.get("posts")
    if read_ahead is not None:
        post = read_ahead.take([item.id]).get(item.id)
    else:
        post = Post.objects.filter(wordpress_id=item.id).first()
    if post is None:
        slug = wordpress_slug(item.name) or wordpress_slug(item.title)
        post = services.create_post(
            **fields,
            slug=services.unique_slug(Post, slug or fields["title"], language=context.language),
            updated_at=parse_date(item.modified_gmt),
            tags=tags,
            categories=categories,
            wordpress_id=item.id,
        )
        outcome = "created"
    else:
        changed = {
            name: value
            for name, value in fields.items()
            if getattr(post, name) != (value.strip() if name in ("title", "lead") else value)
        }
        same_terms = {t.pk for t in post.tags.all()} == {t.pk for t in tags} and {
            c.pk for c in post.categories.all()
        } == {c.pk for c in categories}
        if changed or not same_terms:
            services.update_post(post, tags=tags, categories=categories, **changed)
            outcome = "updated"
        else:
            outcome = "unchanged"
    if post.is_published:
        new = reverse_in(post.language, "posts:detail", slug=post.slug)
        context.redirects.add(item.link, new)
        if item.guid and item.guid != item.link:
            context.redirects.add(item.guid, new)
        day = post.published_at.date()
        context.archive_days.add((day.year, day.month, day.day))
    for handler in hooks.item_handlers():
        handler(context, item, post)
    # Counted last: a handler's failure undoes the item, which is then counted as skipped.
    context.report.count("posts", outcome)


def _import_page(context: ImportContext, item: wxr.Item) -> None:
    status, published_at, reason = _post_status(context, item, "pages")
    if status is None:
        context.report.skip("pages", item.title, reason)
        return
    if status == Post.Status.SCHEDULED:
        status = Post.Status.DRAFT  # pages have no schedule here: publish it when it is due
        context.report.note("pages", item.title, _("scheduled: imported as a draft"))
    converted = _convert(context, item)
    parent = Page.objects.filter(wordpress_id=item.parent).first() if item.parent else None
    page = Page.objects.filter(wordpress_id=item.id).first()
    wanted = {
        "title": (item.title or _("(untitled)"))[:200],
        "body": converted.html,
        "body_format": BodyFormat.HTML,
        "status": Page.Status.PUBLISHED if status == Post.Status.PUBLISHED else Page.Status.DRAFT,
        "published_at": published_at,
        "position": item.menu_order,
        "language": context.language,
    }
    if parent is not None or not item.parent:
        wanted["parent"] = parent
    if page is None:
        slug = wordpress_slug(item.name) or wordpress_slug(item.title) or "page"
        page = services.create_page(
            **wanted,
            author=_author_for(context, item.creator),
            slug=_free_page_slug(slug, parent, context.language),
            wordpress_id=item.id,
        )
        context.redirects.pages_changed()
        context.report.count("pages", "created")
    else:
        changed = {k: v for k, v in wanted.items() if getattr(page, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(page, name, value)
            services.save_page(page)
            context.redirects.pages_changed()
            context.report.count("pages", "updated")
        else:
            context.report.count("pages", "unchanged")
    if item.comments:
        context.report.note(
            "pages",
            item.title,
            _("%(n)d comments not imported: pages here take no comments")
            % {"n": len(item.comments)},
        )
    if item.parent and parent is None:
        context.pending_parents.append((page.pk, item.parent, item.link))
    elif page.status == Page.Status.PUBLISHED:
        _page_redirect(context, page, item.link)


def _free_page_slug(slug, parent, language) -> str:
    prefix = f"{parent.path}/" if parent else ""
    taken = set(
        Page.objects.filter(language=language, path__startswith=prefix + slug).values_list(
            "path", flat=True
        )
    )
    candidate, n = slug, 1
    while prefix + candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def _page_redirect(context, page: Page, link: str) -> None:
    new = reverse_in(page.language, "posts:page", path=page.path)
    hidden_by = view_at(new)
    if hidden_by != "posts:page":
        # One of our own addresses comes first (/cerca/): say so rather than hide either.
        context.report.collision(new, hidden_by)
        context.report.note(
            "pages",
            page.title,
            _("its address %(path)s is one of ours (%(view)s): give the page another slug")
            % {"path": new, "view": hidden_by},
        )
        return
    context.redirects.add(link, new)


# --- After the last item


def _finish(context: ImportContext) -> None:
    for page_pk, parent_wordpress_id, link in context.pending_parents:
        with transaction.atomic():
            page = Page.objects.get(pk=page_pk)
            parent = Page.objects.filter(wordpress_id=parent_wordpress_id).first()
            if parent is None:
                context.report.note("pages", page.title, _("its parent page is not in the file"))
            elif page.parent_id != parent.pk:
                page.parent = parent
                services.save_page(page)
                context.redirects.pages_changed()
            if page.status == Page.Status.PUBLISHED:
                _page_redirect(context, page, link)
    redirects, language = context.redirects, context.language
    months = set()
    for year, month, day in sorted(context.archive_days):
        redirects.add_path(f"/{year}/", reverse_in(language, "posts:archive-year", year=year))
        month_url = reverse_in(language, "posts:archive-month", year=year, month=month)
        if (year, month) not in months:
            months.add((year, month))
            redirects.add_path(f"/{year}/{month:02d}/", month_url)
        redirects.add_path(f"/{year}/{month:02d}/{day:02d}/", month_url)
    if context.archive_days:
        feed = reverse_in(language, "posts:feed-rss")
        redirects.add_path("/feed/", feed)
        redirects.add_path("/feed/rss2/", feed)
        redirects.add_path("/rss/", feed)
        comments_feed = reverse_in(language, "comments:feed-rss") or reverse_in(
            language, "comments:feed"
        )
        if comments_feed:
            redirects.add_path("/comments/feed/", comments_feed)
        else:
            context.report.skip(
                "redirects", "/comments/feed/", _("this site has no comments feed yet")
            )
    for handler in hooks.finish_handlers():
        handler(context)
