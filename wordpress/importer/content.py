"""Articles and pages: status, dates, body, terms, featured image, and their old addresses."""

from django.db import IntegrityError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from posts import services
from posts.markup import BodyFormat, html_to_text
from posts.models import Media, Page, Post
from wordpress import wxr
from wordpress.batch import IN_QUERY_SIZE
from wordpress.importer import comments, internal_links, languages, reactions
from wordpress.importer.authors import author_for
from wordpress.importer.context import ImportContext
from wordpress.importer.fields import parse_date, parse_rss_date, wordpress_slug
from wordpress.importer.media import convert
from wordpress.importer.page_comments import keep_page_comments
from wordpress.importer.terms import item_terms
from wordpress.redirects import reverse_in, view_at


def _post_status(context, item: wxr.Item, kind: str):
    """Our status and date for a WordPress status (None: not imported, with the reason).

    Only what WordPress shows everyone stays published; every other status becomes a
    draft, and the report says so (with what it was), so nothing is published by mistake
    and nothing is lost.
    """
    published_at = parse_date(item.date_gmt, item.date)
    status = item.status
    if published_at is None and status in ("publish", "future"):
        # Other engines' WXR (Squarespace's) may write only the RSS <pubDate>.
        published_at = parse_rss_date(item.pub_date)
        if published_at is not None:
            context.report.changed(
                kind,
                item.title,
                _("no wp:post_date: dated by its pubDate"),
                wordpress_id=item.id,
                field="date",
            )

    def as_draft(why):
        context.report.note(
            kind,
            item.title,
            _("%(why)s: imported as a draft") % {"why": why},
            wordpress_id=item.id,
            field="status",
        )
        return Post.Status.DRAFT, None, ""

    if status in ("auto-draft", "inherit"):
        # WordPress's own scratch rows (an editor opened and left, a revision): never
        # written by anyone, never published.
        return None, None, _("WordPress status “%(s)s” is not imported") % {"s": status}
    if status == "trash":
        return as_draft(_("in WordPress's trash"))
    if status == "private":
        return as_draft(_("private"))
    if status == "pending":
        return as_draft(_("pending review"))
    if status in ("publish", "future") and published_at is not None:
        if published_at <= timezone.now():
            return Post.Status.PUBLISHED, published_at, ""
        return Post.Status.SCHEDULED, published_at, ""
    if status in ("publish", "future"):
        return as_draft(_("published with no usable date"))
    if status != "draft":
        return as_draft(_("unknown status “%(s)s”") % {"s": status})
    return Post.Status.DRAFT, None, ""


def modified_at(item: wxr.Item, published_at):
    """When the item was last changed: the file's modification date, else its publication
    date. Older and hand-made files write none; the import's own date would show every
    article as "updated today" (and give feeds and the sitemap that date)."""
    return parse_date(item.modified_gmt, item.modified) or published_at


def title_of(context, item: wxr.Item, kind: str) -> str:
    """The item's title; an empty one becomes the site language's "(no title)"."""
    title = (item.title or "").strip()
    if not title:
        with translation.override(context.language):
            title = _("(no title)")
        context.report.changed(
            kind,
            title,
            _("empty: imported as “%(title)s”") % {"title": title},
            wordpress_id=item.id,
            field="title",
        )
    elif len(title) > 200:
        context.report.changed(
            kind,
            title[:80],
            _("longer than 200 characters: shortened"),
            wordpress_id=item.id,
            field="title",
        )
    return title[:200]


def _slug_text(item: wxr.Item) -> str:
    """What slug_of() gives, without its report."""
    return wordpress_slug(item.name) or wordpress_slug(item.title) or str(item.id)


def slug_of(context, item: wxr.Item, kind: str) -> str:
    """The item's slug: WordPress's, else from its title, else its WordPress id."""
    slug = wordpress_slug(item.name) or wordpress_slug(item.title)
    if not slug:
        slug = str(item.id)
        if item.status not in ("draft", "auto-draft", "pending"):
            # A draft has no slug in WordPress until it is published: nothing to say.
            context.report.changed(
                kind,
                item.title,
                _("no slug: given its WordPress id"),
                wordpress_id=item.id,
                field="slug",
            )
    return slug


def note_repeated_id(context, item: wxr.Item, kind: str) -> None:
    """A file that lists one WordPress id twice (another engine's WXR, two exports pasted
    together): the later item updates the row the first one made, whose content is then
    gone. Nothing can keep both under one id; the report names the one replaced (read
    back from its row: the run keeps only the ids it has seen)."""
    seen = context.seen_items.setdefault(kind, set())
    if item.id not in seen:
        seen.add(item.id)
        return
    model = Post if kind == "posts" else Page
    first = model.objects.filter(wordpress_id=item.id).values_list("title", flat=True).first()
    if first is None:
        return  # the first one was not imported (the report says why): nothing replaced
    context.report.note(
        kind,
        item.title,
        _("the file gives WordPress id %(id)s to another item too: this one replaced “%(first)s”")
        % {"id": item.id, "first": first},
        wordpress_id=item.id,
        field="wordpress_id",
    )


def import_post(context: ImportContext, item: wxr.Item) -> None:
    note_repeated_id(context, item, "posts")
    status, published_at, reason = _post_status(context, item, "posts")
    if status is None:
        context.report.skip("posts", item.title, reason, wordpress_id=item.id, field="status")
        return
    converted = convert(context, item)
    lead = html_to_text(item.excerpt or converted.excerpt)
    language = languages.of_item(context, item)
    tags, categories = item_terms(context, item, language)
    cover_pk = context.media_by_wordpress_id.get(int(item.meta.get("_thumbnail_id") or 0) or -1)
    fields = {
        "title": title_of(context, item, "posts"),
        "author": author_for(context, item.creator),
        "body": internal_links.rewrite(context, converted.html, "posts", item.id),
        "lead": lead,
        "body_format": BodyFormat.HTML,
        "status": status,
        "published_at": published_at,
        "language": language,
        "translation_key": languages.translation_key(
            context, Post, item.id, language, "posts", item.title
        ),
        "cover": Media.objects.filter(pk=cover_pk).first() if cover_pk else None,
        "sticky": item.sticky,
        "comments_open": item.comment_status == "open",
        # Published behind the same password, which WordPress's readers were given.
        "password": item.password,
    }
    if fields["translation_key"] is None:
        del fields["translation_key"]  # none in the file: keep a link made here
    read_ahead = context.read_ahead.get("posts")
    if read_ahead is not None:
        post = read_ahead.take([item.id]).get(item.id)
    else:
        post = Post.objects.filter(wordpress_id=item.id).first()
    if post is None:
        new = {
            **fields,
            "updated_at": modified_at(item, published_at),
            "tags": tags,
            "categories": categories,
            "wordpress_id": item.id,
        }
        text = slug_of(context, item, "posts")
        try:
            post = services.create_post(
                **new, slug=_free_post_slug(context, text, language), slug_is_free=True
            )
        except IntegrityError:
            # The slug was taken after the batch read it (an editor saved an article in
            # the admin meanwhile; create_post's savepoint undid the row): ask again.
            post = services.create_post(
                **new, slug=services.unique_slug(Post, text, language=language)
            )
        outcome = "created"
        taken = context.read_ahead.get(SLUGS)
        if taken is not None:
            taken.add((post.language, post.slug))
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
        for old in item.old_addresses:
            context.redirects.add_exact(old, new)
        day = post.published_at.date()
        context.archive_days.add((day.year, day.month, day.day))
    comments.import_comments(context, item, post)
    reactions.import_reaction_counts(context, item, post)
    # Counted last: a handler's failure undoes the item, which is then counted as skipped.
    context.report.count("posts", outcome)


SLUGS = "post slugs"


def read_ahead_slugs(context, items) -> None:
    """Which of the slugs the batch's articles would take are taken already, in one query:
    an article whose slug is free takes it without asking (once per article otherwise)."""
    wanted = {
        (languages.of_item(context, item), services.slug_base(Post, _slug_text(item)))
        for item in items
        if item.post_type == "post"
    }
    slugs = sorted({slug for _language, slug in wanted})
    taken = set()
    for start in range(0, len(slugs), IN_QUERY_SIZE):
        rows = Post.objects.filter(slug__in=slugs[start : start + IN_QUERY_SIZE])
        taken.update(rows.values_list("language", "slug"))
    context.read_ahead[SLUGS] = taken


def _free_post_slug(context, text: str, language: str) -> str:
    """services.unique_slug(), without its query when the batch's read-ahead knows the slug
    is free (what the batch created since is added to it; one it undid only costs the
    query)."""
    taken = context.read_ahead.get(SLUGS)
    base = services.slug_base(Post, text)
    if taken is not None and (language, base) not in taken:
        return base
    return services.unique_slug(Post, text, language=language)


def import_page(context: ImportContext, item: wxr.Item) -> None:
    note_repeated_id(context, item, "pages")
    status, published_at, reason = _post_status(context, item, "pages")
    if status is None:
        context.report.skip("pages", item.title, reason, wordpress_id=item.id, field="status")
        return
    if status == Post.Status.SCHEDULED:
        status = Post.Status.DRAFT  # pages have no schedule here: publish it when it is due
        context.report.note(
            "pages",
            item.title,
            _("scheduled: imported as a draft"),
            wordpress_id=item.id,
            field="status",
        )
    if item.meta.get("_thumbnail_id"):
        # Pages here have no cover: the image stays in the library, the report says so.
        context.report.note(
            "pages",
            item.title,
            _("its featured image (#%(id)s) is in the media library: pages here show none")
            % {"id": item.meta["_thumbnail_id"]},
            wordpress_id=item.id,
            field="_thumbnail_id",
        )

    converted = convert(context, item)
    parent = Page.objects.filter(wordpress_id=item.parent).first() if item.parent else None
    page = Page.objects.filter(wordpress_id=item.id).first()
    language = languages.of_item(context, item)
    wanted = {
        "title": title_of(context, item, "pages"),
        "body": internal_links.rewrite(context, converted.html, "pages", item.id),
        "body_format": BodyFormat.HTML,
        "status": Page.Status.PUBLISHED if status == Post.Status.PUBLISHED else Page.Status.DRAFT,
        "published_at": published_at,
        "position": item.menu_order,
        "password": item.password,
        "language": language,
        "translation_key": languages.translation_key(
            context, Page, item.id, language, "pages", item.title
        ),
    }
    if wanted["translation_key"] is None:
        del wanted["translation_key"]  # none in the file: keep a link made here
    if parent is not None or not item.parent:
        wanted["parent"] = parent
    if page is None:
        slug = slug_of(context, item, "pages")
        page = services.create_page(
            **wanted,
            author=author_for(context, item.creator),
            slug=_free_page_slug(slug, parent, language),
            updated_at=modified_at(item, published_at),
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
    keep_page_comments(context, item, page)
    links = [item.link, *item.old_addresses]
    if item.parent and parent is None:
        context.pending_parents.append((page.pk, item.parent, links))
    elif page.status == Page.Status.PUBLISHED:
        page_redirect(context, page, links)


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


def page_redirect(context, page: Page, links: list[str]) -> None:
    """Redirect the page's old link (first) and the old addresses its export listed."""
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
    link, *old_addresses = links
    context.redirects.add(link, new)
    for old in old_addresses:
        context.redirects.add_exact(old, new)
