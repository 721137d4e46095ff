"""The one write path of a comment row: build and validate it, insert one or many (one
INSERT per thread depth), and the quiet update a re-import makes."""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from comments.conf import comment_settings
from comments.models import Comment
from comments.services.fieldcheck import clean_fields
from comments.services.rows import insert_rows
from comments.signals import comment_submitted
from posts import cache as posts_cache


@dataclass
class NewComment:
    """One comment for create_comments(): its fields, and its parent, which is a saved
    Comment or another NewComment of the same batch (or None for a top-level comment)."""

    post: object
    body: str
    status: str
    submitted_at: datetime
    author_name: str = ""
    author_email: str = ""
    author_url: str = ""
    user: object = None
    parent: "Comment | NewComment | None" = None
    kind: str = Comment.Kind.COMMENT
    ip_address: str | None = None
    user_agent: str = ""
    referrer: str = ""
    language: str = ""
    notify_replies: bool = False
    spam_verdict: str = ""
    spam_score: float | None = None
    spam_reasons: list = field(default_factory=list)
    wordpress_id: int | None = None
    # An import keeps the thread as it was (who answered whom), at any depth.
    keep_parent: bool = False
    saved: "Comment | None" = field(default=None, repr=False)


THREAD_FIELDS = ("post", "parent", "root", "user")


def build_comment(
    *,
    post,
    body: str,
    status: str = Comment.Status.PENDING,
    submitted_at: datetime | None = None,
    author_name: str = "",
    author_email: str = "",
    author_url: str = "",
    user=None,
    parent: Comment | None = None,
    kind: str = Comment.Kind.COMMENT,
    ip_address: str | None = None,
    user_agent: str = "",
    referrer: str = "",
    language: str = "",
    notify_replies: bool = False,
    spam_verdict: str = "",
    spam_score: float | None = None,
    spam_reasons: list | None = None,
    wordpress_id: int | None = None,
    keep_parent: bool = False,
) -> Comment:
    """Return an unsaved, validated comment with its thread and derived fields set.

    A reply deeper than COMMENTS_MAX_DEPTH attaches to the deepest allowed ancestor, unless
    keep_parent (an import: the thread stays as it was written; the display stops
    indenting at COMMENTS_MAX_DEPTH). Raise ValidationError on a bad field (with the
    model's field names).
    """
    comment = Comment(
        post=post,
        parent=parent if keep_parent else attach_point(parent),
        user=user,
        author_name=(author_name or "").strip(),
        author_email=(author_email or "").strip(),
        author_url=(author_url or "").strip(),
        body=(body or "").strip(),
        status=status,
        kind=kind,
        submitted_at=submitted_at or timezone.now(),
        ip_address=ip_address or None,
        user_agent=(user_agent or "")[:500],
        referrer=(referrer or "")[:500],
        language=(language or "")[:10],
        notify_replies=notify_replies,
        spam_verdict=spam_verdict,
        spam_score=spam_score,
        spam_reasons=list(spam_reasons or []),
        wordpress_id=wordpress_id,
    )
    set_thread_fields(comment)
    # The related rows are instances already, and uniqueness (wordpress_id) is the
    # database's to check: validate the fields only (full_clean() without them, at the
    # cost of the values that can be wrong: an import builds thousands).
    clean_fields(comment, exclude=THREAD_FIELDS)
    comment.derive_fields()
    return comment


def save_new_comment(comment: Comment, *, announce: bool) -> Comment:
    """Insert a comment from build_comment(); with announce, tell the notifications (on
    commit) that it was submitted. A top-level comment is its own thread: no second write."""
    comment.save(force_insert=True)
    if announce:
        # robust: the comment is saved by then; a failing receiver (its e-mail task, a
        # database gone right after the commit) is logged, and the reader still learns
        # that the comment was saved.
        transaction.on_commit(
            lambda: comment_submitted.send(sender=Comment, comment=comment), robust=True
        )
    return comment


@transaction.atomic
def create_comment(*, announce: bool = False, **fields) -> Comment:
    """Validate and save one comment as given: its status and date are the caller's.

    The one write path for every comment (readers' submissions after the spam check and
    the rules, moderators' replies, imports, the demo loader, benches and tests). Imports
    and fixtures keep the default announce=False: nobody is e-mailed.
    """
    return save_new_comment(build_comment(**fields), announce=announce)


@transaction.atomic
def create_comments(items: list[NewComment]) -> list[Comment]:
    """Save many comments, one INSERT per thread depth, quietly (nothing is announced).

    Parents come before their replies: each depth level is inserted once the level above
    it has its ids. Return the saved comments in the order of `items` (also set as each
    item's `saved`).
    """
    built = build_comments(items)
    insert_comments(built)
    return built


def build_comments(items: list[NewComment]) -> list[Comment]:
    """Validate many comments for insert_comments(), in the order of `items` (each set as
    its item's `saved`, still without an id). Raise ValidationError on a bad field."""
    built: list[Comment] = []
    for item in items:
        parent = item.parent
        if isinstance(parent, NewComment):
            if parent.saved is None:
                raise ValueError("A parent must come before its replies in the batch.")
            parent = parent.saved
        values = {name: getattr(item, name) for name in NEW_COMMENT_FIELDS}
        comment = build_comment(**values, parent=parent)
        item.saved = comment
        built.append(comment)
    return built


@transaction.atomic
def insert_comments(built: list[Comment]) -> None:
    """Insert comments from build_comments() (of one or many articles, parents first), one
    INSERT per thread depth: each level once the level above it has its ids."""
    for depth in sorted({comment.depth for comment in built}):
        level = [comment for comment in built if comment.depth == depth]
        for comment in level:
            parent = comment.parent
            if parent is not None:
                # Setting parent_id drops the cached parent: keep it, or each reply would
                # read its parent back from the database.
                comment.parent_id = parent.pk
                comment.root_id = parent.root_id or parent.pk
                comment.parent = parent
        insert_rows(Comment, level)


NEW_COMMENT_FIELDS = [
    name for name in NewComment.__dataclass_fields__ if name not in {"parent", "saved"}
]


def attach_point(parent: Comment | None) -> Comment | None:
    """Return the comment a reply attaches to: the parent, or its deepest allowed ancestor."""
    max_depth = max(int(comment_settings.MAX_DEPTH), 1)
    while parent is not None and parent.depth >= max_depth - 1:
        parent = parent.parent
    return parent


def set_thread_fields(comment: Comment) -> None:
    parent = comment.parent
    if parent is None:
        comment.depth = 0
        return
    if parent.post_id != comment.post_id:
        raise ValidationError(
            {"parent": gettext("You can only reply to this article's comments.")}
        )
    comment.depth = parent.depth + 1
    comment.root_id = parent.root_id or parent.pk


@transaction.atomic
def update_comment(*, comment: Comment, status: str, body: str) -> Comment:
    """Quietly set a comment's status and body as a re-import found them (no e-mail, no
    training: the decision was taken on the old site)."""
    comment.status = status
    comment.body = body
    comment.full_clean(exclude=["post", "parent", "root", "user"], validate_unique=False)
    comment.save(update_fields=["status", "body", "updated_at"])
    return comment


@transaction.atomic
def rename_account_comments(*, user_id: int, name: str) -> int:
    """Show an account's new display name on its comments and replies (the name is copied
    onto each comment when it is written). Return how many comments changed."""
    name = name[: Comment._meta.get_field("author_name").max_length]
    renamed = Comment.objects.filter(user_id=user_id).exclude(author_name=name)
    post_ids = set(renamed.values_list("post_id", flat=True).distinct())
    count = renamed.update(author_name=name)
    for post_id in post_ids:
        posts_cache.comments_changed(post_id=post_id)
    return count
