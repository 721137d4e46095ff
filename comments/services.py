"""Writes to comments. Views, admin actions and management commands all call these."""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext

from comments.conf import comment_settings
from comments.models import Comment, ConfirmedEmail, Unsubscription
from comments.moderation import CommentModerator, TrustEvidence, is_trusted, training_label
from comments.signals import comment_moderated, comment_submitted
from comments.spam import pipeline as spam
from posts.models import display_name

logger = logging.getLogger(__name__)


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
    # database's to check: validate the fields only.
    comment.full_clean(
        exclude=["post", "parent", "root", "user"],
        validate_unique=False,
        validate_constraints=False,
    )
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
        Comment.objects.bulk_create(level)


NEW_COMMENT_FIELDS = [
    name for name in NewComment.__dataclass_fields__ if name not in {"parent", "saved"}
]


def submit_comment(
    *,
    post,
    body: str,
    name: str = "",
    email: str = "",
    url: str = "",
    parent: Comment | None = None,
    user=None,
    notify_replies: bool = False,
    ip_address: str | None = None,
    user_agent: str = "",
    referrer: str = "",
    language: str = "",
    honeypot: str | None = None,
    form_token: str | None = None,
    trust: TrustEvidence | None = None,
    permalink: str = "",
) -> Comment:
    """Validate, check for spam, apply the moderation rules and save a reader's comment.

    The spam check runs first, outside any transaction; the rest is one transaction. Return
    the saved comment; a repeat of the author's previous comment on the same article
    returns that comment unchanged (with `was_duplicate` set) instead of saving a second one.
    """
    trust = trust or TrustEvidence(user=user)
    if user is not None and not user.is_authenticated:
        user = None
    if user is not None:
        name = display_name(user)[:80]
        email = user.email
    comment = build_comment(
        post=post,
        parent=parent,
        user=user,
        author_name=name,
        author_email=email,
        author_url=url,
        body=body,
        ip_address=ip_address,
        user_agent=user_agent,
        referrer=referrer,
        language=language,
        notify_replies=notify_replies,
    )

    # Ask the spam pipeline before the transaction: with Akismet on it may wait seconds for
    # an answer, and no lock may be held meanwhile (on SQLite a transaction holds the whole
    # database's write lock).
    verdict = ask_spam_pipeline(
        candidate_for(comment, permalink=permalink, honeypot=honeypot, form_token=form_token)
    )
    with transaction.atomic():
        # Serialize submissions per article so two identical posts racing each other become
        # one (SQLite already serializes writers).
        type(post).objects.select_for_update().filter(pk=post.pk).first()
        previous = (
            Comment.objects.for_post(post)
            .by_same_author(user=user, email=comment.author_email)
            .order_by("-submitted_at", "-pk")
            .first()
        )
        if previous is not None and same_text(previous.body, comment.body):
            previous.was_duplicate = True
            return previous

        apply_rules(comment, verdict=verdict, trust=trust)
        save_new_comment(comment, announce=True)
        comment.was_duplicate = False
    return comment


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


def same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def candidate_for(comment: Comment, *, permalink="", honeypot=None, form_token=None):
    """Everything the spam pipeline (and Akismet) may look at, from an unsaved or saved comment.

    Without a request the permalink is built on SITE_URL (Akismet reports run as tasks).
    """
    post = comment.post
    return spam.Candidate(
        content=comment.body,
        author=comment.author_name,
        email=comment.author_email,
        url=comment.author_url,
        ip_address=comment.ip_address,
        user_agent=comment.user_agent,
        referrer=comment.referrer,
        permalink=permalink or settings.SITE_URL + post.get_absolute_url(),
        post_id=comment.post_id,
        language=comment.language,
        is_authenticated=comment.user_id is not None,
        honeypot=honeypot,
        form_token=form_token,
        submitted_at=comment.submitted_at,
        post_modified_at=post.updated_at,
    )


def ask_spam_pipeline(candidate: spam.Candidate) -> spam.Verdict:
    """The one place a spam verdict is asked for. A failing check holds, never loses, the
    comment: the fallback is a forced hold (floored), so trust cannot approve it unchecked."""
    try:
        verdict = spam.check_comment(candidate)
        if verdict.verdict not in Comment.Verdict.values:
            raise ValueError(f"unknown verdict {verdict.verdict!r}")
        return verdict
    except Exception as error:  # noqa: BLE001 - whatever breaks, the comment is kept
        logger.exception("Spam check failed; holding the comment for moderation")
        return spam.failed_verdict(error)


def apply_rules(comment: Comment, *, verdict: spam.Verdict, trust: TrustEvidence) -> None:
    """Set status, verdict, score and reasons from the spam verdict and the moderation rules."""
    trusted_by = is_trusted(email=comment.author_email, evidence=trust)
    decision = CommentModerator().decide(comment, trusted_by=trusted_by)
    status = decision.status
    if status != Comment.Status.TRASH:
        if verdict.verdict == Comment.Verdict.DISCARD:
            status = Comment.Status.SPAM
        elif verdict.verdict == Comment.Verdict.SPAM:
            # Trust verified by the server (see comments.moderation) moves a verdict one notch:
            # content that looks like spam from a commenter with approved comments is held for
            # a moderator rather than sent to spam...
            status = Comment.Status.PENDING if trusted_by else Comment.Status.SPAM
        elif verdict.verdict == Comment.Verdict.HOLD and (verdict.floored or not trusted_by):
            # ...and the filter's uncertain middle band does not hold them, but a hold that a
            # check demanded (bad form token, burst, Akismet or the filter failing) does.
            status = Comment.Status.PENDING
    comment.status = status
    comment.spam_verdict = verdict.verdict
    comment.spam_score = verdict.score
    comment.spam_reasons = verdict.reasons_as_json() + decision.reasons


def can_change_own(comment: Comment, *, own_comment_ids, now=None) -> bool:
    """True while the browser that posted the comment may still edit or delete it."""
    if comment.pk not in set(own_comment_ids or ()):
        return False
    if comment.status not in (Comment.Status.PENDING, Comment.Status.APPROVED):
        return False
    window = timedelta(minutes=int(comment_settings.EDIT_WINDOW))
    return (now or timezone.now()) <= comment.submitted_at + window


def edit_comment(
    *, comment: Comment, body: str, own_comment_ids, trust: TrustEvidence | None = None
) -> Comment:
    """Replace the body of the commenter's own comment; approved edits are checked again.

    As in submit_comment, the spam pipeline (Akismet included) is asked first, outside any
    transaction, and only then is the comment written.
    """
    if not can_change_own(comment, own_comment_ids=own_comment_ids):
        raise PermissionDenied(gettext("This comment can no longer be edited."))
    comment.body = (body or "").strip()
    comment.edited_at = timezone.now()
    comment.full_clean()
    verdict = None
    if comment.status == Comment.Status.APPROVED:
        verdict = ask_spam_pipeline(candidate_for(comment))
    with transaction.atomic():
        if verdict is not None:
            apply_rules(comment, verdict=verdict, trust=trust or TrustEvidence())
        comment.save()
    return comment


@transaction.atomic
def delete_own_comment(*, comment: Comment, own_comment_ids) -> Comment:
    """Move the commenter's own comment to the trash (kept until the purge)."""
    if not can_change_own(comment, own_comment_ids=own_comment_ids):
        raise PermissionDenied(gettext("This comment can no longer be deleted."))
    comment.status = Comment.Status.TRASH
    comment.spam_reasons = [
        *comment.spam_reasons,
        {"check": "author.deleted", "score": 0.0, "message": gettext("Deleted by its author.")},
    ]
    comment.full_clean()
    comment.save(update_fields=["status", "spam_reasons", "updated_at"])
    return comment


@transaction.atomic
def confirm_email(*, email: str) -> ConfirmedEmail:
    """Record that the owner of an address clicked its signed confirmation link."""
    address = email.strip().lower()
    confirmed = ConfirmedEmail.objects.for_address(address).first()
    if confirmed is None:
        confirmed = ConfirmedEmail(email=address)
        confirmed.full_clean()
        confirmed.save()
    return confirmed


@transaction.atomic
def moderate(*, comment: Comment, status: str, moderator=None) -> Comment:
    """Move a comment to a status, teach the spam filter, and announce the change."""
    moderate_many(comments=[comment], status=status, moderator=moderator)
    return comment


@transaction.atomic
def moderate_many(*, comments, status: str, moderator=None) -> list[Comment]:
    """Move comments to a status, teach the spam filter all of them in one update of the
    classifier, and announce each change. Return the comments that changed."""
    changed = []
    examples = []
    for comment in comments:
        old_status = comment.status
        if old_status == status:
            continue
        comment.status = status
        comment.full_clean()
        comment.save(update_fields=["status", "updated_at"])
        label = training_label(old_status=old_status, new_status=status)
        if label:
            examples.append((comment.body, comment.author_url, label))
        changed.append((comment, old_status))
    if examples:
        spam.learn_many(examples)
    for comment, old_status in changed:
        transaction.on_commit(
            lambda comment=comment, old_status=old_status: comment_moderated.send(
                sender=Comment, comment=comment, old_status=old_status, moderator=moderator
            )
        )
    return [comment for comment, _old in changed]


# --- Moderation side: replies from moderators and unsubscribing.


@dataclass
class ModeratorReply:
    """What reply_as_moderator did: the reply, whether it approved the parent on the way
    ("Approve and Reply"), and whether readers can see the reply now."""

    reply: Comment
    approved_parent: bool
    is_visible: bool


@transaction.atomic
def reply_as_moderator(*, parent: Comment, body: str, moderator) -> ModeratorReply:
    """Publish a reply to `parent` written by a moderator, as themselves.

    The reply carries the moderator's account, display name and e-mail, so the thread shows
    the "Author" badge when they wrote the article and a staff mark otherwise. A reply to a
    held comment approves that comment first, as WordPress's "Approve and Reply" does: a
    published reply under an invisible parent would be counted and never shown.
    """
    approved_parent = False
    if parent.status == Comment.Status.PENDING:
        moderate(comment=parent, status=Comment.Status.APPROVED, moderator=moderator)
        approved_parent = True
    reply = create_comment(
        post=parent.post,
        parent=parent,
        user=moderator,
        author_name=display_name(moderator)[:80],
        author_email=moderator.email,
        body=body,
        status=Comment.Status.PENDING,
        language=parent.language or get_language() or settings.LANGUAGE_CODE,
        spam_verdict=Comment.Verdict.HAM,
        spam_score=0.0,
    )
    # Saved held, then approved through moderate(): announced like any approved comment.
    moderate(comment=reply, status=Comment.Status.APPROVED, moderator=moderator)
    is_visible = Comment.objects.visible().filter(pk=reply.pk).exists()
    return ModeratorReply(reply=reply, approved_parent=approved_parent, is_visible=is_visible)


@transaction.atomic
def edit_as_moderator(
    *, comment: Comment, body: str, author_name: str, author_url: str, moderator=None
) -> Comment:
    """Correct a comment's text, author name or website (the moderator's edit, no spam check)."""
    comment.body = (body or "").strip()
    comment.author_name = (author_name or "").strip()
    comment.author_url = (author_url or "").strip()
    comment.full_clean(exclude=["post", "parent", "root", "user"], validate_unique=False)
    comment.save(update_fields=["body", "author_name", "author_url", "updated_at"])
    return comment


@transaction.atomic
def unsubscribe(*, email: str, kind: str) -> Unsubscription:
    """Stop e-mails of one kind to an address (until the person opts in again)."""
    unsubscription, _created = Unsubscription.objects.update_or_create(
        email=Unsubscription.normalize_email(email),
        kind=kind,
        defaults={"created_at": timezone.now()},
    )
    return unsubscription


@transaction.atomic
def update_comment(*, comment: Comment, status: str, body: str) -> Comment:
    """Quietly set a comment's status and body as a re-import found them (no e-mail, no
    training: the decision was taken on the old site)."""
    comment.status = status
    comment.body = body
    comment.full_clean(exclude=["post", "parent", "root", "user"], validate_unique=False)
    comment.save(update_fields=["status", "body", "updated_at"])
    return comment
