"""The comments of an imported WordPress article.

The comments of an article are validated with it (comments.services.build_comments), and
inserted with those of the other articles of its batch when the batch ends (one INSERT per
thread depth, see wordpress.batch.Pending); replies deeper than COMMENTS_MAX_DEPTH
attached at the deepest allowed level, nobody e-mailed. Importing is not
trust: no ConfirmedEmail is written, so an imported address approves nobody who types it.
"""

import html
import ipaddress
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from comments import services
from comments.models import Comment
from comments.spam import pipeline as spam
from posts.weburl import web_url
from wordpress.batch import ReadAhead
from wordpress.importer.fields import parse_date

KIND = "comments"
STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
KINDS = {"pingback": Comment.Kind.PINGBACK, "trackback": Comment.Kind.TRACKBACK}
LINK = re.compile(r"""<a\b[^>]*\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)</a>""", re.I | re.S)
TAG = re.compile(r"<[^>]+>")
BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.I)


def plain_body(content: str) -> str:
    """A WordPress comment (a little HTML) as our plain-text body: links become "text (url)"
    when http(s), every other tag is dropped, entities are decoded."""

    def link(match):
        url, text = web_url(html.unescape(match[2])), TAG.sub("", match[3]).strip()
        return f"{text} ({url})" if url and url != text else text or url

    text = LINK.sub(link, content or "")
    text = BREAK.sub("\n", text)
    return html.unescape(TAG.sub("", text)).strip()


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


def _ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def _in_thread_order(comments):
    """Parents before their replies (WordPress lists them by id, which usually is that).

    Iterative, so a thread thousands of replies deep cannot exhaust the stack; a parent
    cycle in a damaged export is cut where it closes (that comment becomes top-level).
    """
    by_id = {c.id: c for c in comments}
    ordered, placed = [], set()
    for comment in comments:
        chain, seen, node = [], set(), comment
        while node is not None and node.id not in placed and node.id not in seen:
            seen.add(node.id)
            chain.append(node)
            node = by_id.get(node.parent)
        for node in reversed(chain):
            placed.add(node.id)
            ordered.append(node)
    return ordered


def _existing(ids) -> dict:
    return {c.wordpress_id: c for c in Comment.objects.filter(wordpress_id__in=ids)}


def read_ahead_comments(context, items) -> None:
    """Read the comments already imported for a batch of articles, in one query."""
    ids = [c.id for item in items if item.post_type == "post" for c in item.comments]
    context.read_ahead[KIND] = ReadAhead(ids, _existing)


def import_comments(context, item, post) -> None:
    """Create or update the comments of one article; count them in the report."""
    if not item.comments:
        return
    report = context.report
    ids = [c.id for c in item.comments]
    read_ahead = context.read_ahead.get(KIND)
    existing = read_ahead.take(ids) if read_ahead is not None else _existing(ids)
    pending = context.pending
    # WordPress id -> article of the comments this batch leaves for insertion.
    queued = pending.state.setdefault(KIND, {}) if pending is not None else {}
    new: dict[int, services.NewComment] = {}
    learn = []
    for source in _in_thread_order(item.comments):
        label = f"#{source.id} ({item.title[:40]})"
        status = STATUSES.get(source.approved.strip().lower())
        if status is None:
            report.skip(KIND, label, _("unknown status “%(s)s”") % {"s": source.approved})
            continue
        body = plain_body(source.content)
        if not body:
            report.skip(KIND, label, _("empty comment"))
            continue
        found = existing.get(source.id)
        if found is None and source.id in queued:
            # Left for insertion by an article earlier in this batch (an id repeated).
            if queued[source.id] != post.pk:
                report.skip(KIND, label, _("already imported on another article"))
            else:
                report.count(KIND, "unchanged")
            continue
        if found is not None:
            if found.post_id != post.pk:
                report.skip(KIND, label, _("already imported on another article"))
            elif found.status != status or found.body != body:
                services.update_comment(comment=found, status=status, body=body)
                report.count(KIND, "updated")
            else:
                report.count(KIND, "unchanged")
            continue
        url = web_url(source.author_url)[:300]
        if source.author_url and not url:
            report.note(KIND, label, _("author address dropped: not http(s)"))
        parent = new.get(source.parent) or existing.get(source.parent)
        entry = services.NewComment(
            post=post,
            body=body,
            status=status,
            submitted_at=parse_date(source.date_gmt, source.date) or post.published_at,
            author_name=(source.author or _("Anonymous"))[:80],
            author_email=_email(source.author_email),
            author_url=url,
            user=context.user(wordpress_id=source.user_id) if source.user_id else None,
            parent=parent,
            kind=KINDS.get(source.type.lower(), Comment.Kind.COMMENT),
            ip_address=_ip(source.author_ip),
            language=post.language,
            wordpress_id=source.id,
        )
        if entry.submitted_at is None:
            report.skip(KIND, label, _("no date"))
            continue
        new[source.id] = entry
        if status in (Comment.Status.APPROVED, Comment.Status.SPAM):
            learn.append(entry)
    if new:
        built = services.build_comments(list(new.values()))
        if pending is None:
            services.insert_comments(built)
        else:
            # Inserted with the batch's other comments: one INSERT per thread depth.
            pending.add(KIND, built, services.insert_comments)
            queued.update(dict.fromkeys(new, post.pk))
            pending.on_undo(lambda: [queued.pop(wordpress_id, None) for wordpress_id in new])
        report.count(KIND, "created", len(new))
    if context.options.get("train_spam"):
        for entry in learn:
            spam.learn(
                content=entry.body,
                author=entry.author_name,
                email=entry.author_email,
                url=entry.author_url,
                label="spam" if entry.status == Comment.Status.SPAM else "ham",
            )
        report.count("spam training", "created", len(learn))
