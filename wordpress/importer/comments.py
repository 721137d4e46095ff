"""The comments of an imported WordPress article.

The comments of an article are validated with it (comments.services.build_comments), and
inserted with those of the other articles of its batch when the batch ends (one INSERT per
thread depth, see wordpress.batch.Pending); each keeps the comment it answers, at any depth
(the display stops indenting at COMMENTS_MAX_DEPTH); nobody is e-mailed. Comments on an
attachment come with its parent article's. Importing is not trust: no ConfirmedEmail is
written, so an imported address approves nobody who types it.
"""

import html
import ipaddress
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from comments import services
from comments.models import Comment
from comments.spam import pipeline as spam
from posts.weburl import web_url
from wordpress.batch import ReadAhead
from wordpress.importer.fields import parse_date, storable_id, valid_email

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
# WordPress 6.9's notes: what editors write to each other on a block of a draft, stored as
# comments of this type. Never shown to readers, they are not reader comments here either
# (one approved by mistake in the moderation queue would publish an editor's remark).
EDITORIAL_TYPES = {"note"}
LINK = re.compile(r"""<a\b[^>]*\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)</a>""", re.I | re.S)
TAG = re.compile(r"<[^>]+>")
# A line break, with the newline WordPress wrote after it (one line, not two); a paragraph's
# end and the next one's start: a blank line.
BREAK = re.compile(r"<br\s*/?>[ \t]*\r?\n?", re.I)
PARAGRAPH = re.compile(r"</p>\s*<p[^>]*>", re.I)
# The code WordPress let commenters mark (<code>; <pre> from its staff): in our comments it is
# written between backticks, one line, or three of them around a block (comments.text).
CODE = re.compile(
    r"<(pre|code)\b[^>]*>(?:\s*<code\b[^>]*>)?(.*?)(?:</code>\s*)?</\1>", re.I | re.S
)


def plain_body(content: str) -> str:
    """A WordPress comment (a little HTML) as our plain-text body: links become "text (url)"
    when http(s), code is written as code (CODE), every other tag is dropped, entities are
    decoded."""

    def link(match):
        url, text = web_url(html.unescape(match[2])), TAG.sub("", match[3]).strip()
        return f"{text} ({url})" if url and url != text else text or url

    def code(match):
        typed = TAG.sub("", match[2]).strip("\r\n")
        if "\n" in typed or match[1].lower() == "pre":
            return f"\n```\n{typed}\n```\n"
        return f"`{typed}`" if typed.strip() else typed

    text = LINK.sub(link, content or "")
    text = PARAGRAPH.sub("\n\n", BREAK.sub("\n", text))
    text = CODE.sub(code, text)
    return html.unescape(TAG.sub("", text)).strip()


def skip_editorial(report, kind: str, source) -> bool:
    """Report and leave out an editors' note (EDITORIAL_TYPES); False for a comment."""
    if (source.type or "").strip().lower() not in EDITORIAL_TYPES:
        return False
    report.skip(
        kind,
        source.author,
        _("an editors' note on the text, never shown to readers: not imported"),
        wordpress_id=source.id,
        field="type",
    )
    return True


def parse_ip(value: str) -> str | None:
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
    ids = [
        c.id
        for item in items
        if item.post_type == "post"
        for c in item.comments + context.attachment_comments.get(item.id, [])
        if storable_id(c.id)
    ]
    context.read_ahead[KIND] = ReadAhead(ids, _existing)


def import_comments(context, item, post) -> None:
    """Create or update the comments of one article (with those its attachments had);
    count them in the report. A bad field costs that field, never the comment (nor the
    article): it is cleared or derived, and the report says which."""
    sources = list(item.comments) + context.attachment_comments.pop(item.id, [])
    report = context.report
    for source in [s for s in sources if not storable_id(s.id)]:
        report.skip(
            KIND, source.author, _("its WordPress id is out of range"), field="wordpress_id"
        )
    sources = [s for s in sources if storable_id(s.id) and not skip_editorial(report, KIND, s)]
    if not sources:
        return
    ids = [c.id for c in sources]
    read_ahead = context.read_ahead.get(KIND)
    existing = read_ahead.take(ids) if read_ahead is not None else _existing(ids)
    pending = context.pending
    # WordPress id -> article of the comments this batch leaves for insertion.
    queued = pending.state.setdefault(KIND, {}) if pending is not None else {}
    new: dict[int, services.NewComment] = {}
    built, learn = [], []
    for source in _in_thread_order(sources):
        label = _("comment by %(name)s on “%(title)s”") % {
            "name": source.author or "?",
            "title": item.title[:60],
        }

        def changed(field, what, label=label, source=source):
            report.changed(KIND, label, what, wordpress_id=source.id, field=field)

        status = _status(source, changed)
        body = plain_body(source.content)
        if not body:
            body = EMPTY_BODY
            changed("body", _("empty: imported as “%(text)s”") % {"text": EMPTY_BODY})
        found = existing.get(source.id)
        if found is None and source.id in queued:
            # Left for insertion by an article earlier in this batch (an id repeated).
            if queued[source.id] != post.pk:
                report.skip(
                    KIND, label, _("already imported on another article"), wordpress_id=source.id
                )
            else:
                report.count(KIND, "unchanged")
            continue
        if found is not None:
            if found.post_id != post.pk:
                report.skip(
                    KIND, label, _("already imported on another article"), wordpress_id=source.id
                )
            elif found.status != status or found.body != body:
                services.update_comment(comment=found, status=status, body=body)
                report.count(KIND, "updated")
            else:
                report.count(KIND, "unchanged")
            continue
        entry = _new_comment(context, source, post, status, body, changed)
        parent = new.get(source.parent) or existing.get(source.parent)
        if source.parent and parent is None:
            changed("parent", _("the comment it answers is not in the file: top-level"))
        entry.parent = parent
        saved = _build(entry, changed)
        if saved is None:
            report.skip(KIND, label, _("no field could be repaired"), wordpress_id=source.id)
            continue
        new[source.id] = entry
        built.append(saved)
        if status in (Comment.Status.APPROVED, Comment.Status.SPAM):
            learn.append(entry)
    if built:
        if pending is None:
            services.insert_comments(built)
        else:
            # Inserted with the batch's other comments: one INSERT per thread depth.
            pending.add(KIND, built, services.insert_comments)
            queued.update(dict.fromkeys(new, post.pk))
            pending.on_undo(lambda: [queued.pop(wordpress_id, None) for wordpress_id in new])
        report.count(KIND, "created", len(built))
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


# A comment WordPress kept with no text: imported with this, so its replies keep their place.
EMPTY_BODY = "…"
# Fields that can be emptied when they do not validate, and what they become.
CLEARABLE = {
    "author_url": "",
    "author_email": "",
    "ip_address": None,
    "user_agent": "",
    "referrer": "",
}


def _status(source, changed) -> str:
    approved = source.approved.strip().lower()
    if approved == "post-trashed":
        # Trashed with its article: WordPress keeps the status it had before in this meta.
        before = source.meta.get("_wp_trash_meta_status", "").strip().lower()
        return STATUSES.get(before, Comment.Status.TRASH)
    status = STATUSES.get(approved)
    if status is None:
        changed("status", _("unknown status “%(s)s”: held for moderation") % {"s": approved})
        return Comment.Status.PENDING
    return status


def _new_comment(context, source, post, status, body, changed) -> services.NewComment:
    url = web_url(source.author_url)[:300]
    if source.author_url and not url:
        changed(
            "author_url",
            _("“%(value)s” is not a web address: cleared") % {"value": source.author_url[:100]},
        )
    email = valid_email(source.author_email)
    if source.author_email and not email:
        changed(
            "author_email",
            _("“%(value)s” is not an e-mail address: cleared")
            % {"value": source.author_email[:100]},
        )
    ip = parse_ip(source.author_ip)
    if source.author_ip and ip is None:
        changed(
            "ip_address",
            _("“%(value)s” is not an IP address: cleared") % {"value": source.author_ip[:60]},
        )
    submitted_at = parse_date(source.date_gmt, source.date)
    if submitted_at is None:
        submitted_at = post.published_at or post.created_at or timezone.now()
        changed("submitted_at", _("no usable date: given the article's"))
    name = (source.author or "").strip() or _("Anonymous")
    if len(name) > 80:
        changed("author_name", _("longer than 80 characters: shortened"))
    return services.NewComment(
        post=post,
        body=body,
        status=status,
        submitted_at=submitted_at,
        author_name=name[:80],
        author_email=email,
        author_url=url,
        user=context.user(wordpress_id=source.user_id) if source.user_id else None,
        kind=KINDS.get(source.type.lower(), Comment.Kind.COMMENT),
        ip_address=ip,
        language=post.language,
        wordpress_id=source.id,
        keep_parent=True,
    )


def _build(entry, changed):
    """Validate one comment; a field that does not validate is cleared (and reported),
    then the comment is validated again. None when it still does not validate."""
    for _attempt in range(2):
        try:
            return services.build_comments([entry])[0]
        except ValidationError as error:
            fields = getattr(error, "error_dict", {})
            repairable = [name for name in fields if name in CLEARABLE]
            if not repairable or len(repairable) < len(fields):
                return None
            for name in repairable:
                changed(name, "; ".join(fields[name][0].messages) + " " + _("(cleared)"))
                setattr(entry, name, CLEARABLE[name])
    return None
