"""A reader's new comment: the one door. submit_comment decides everything about it (the
thread open, the reply's target, the rate limit, a duplicate, the spam verdict, the
moderation rules) and either saves it or refuses with a CommentRefused that says why."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from blogsite import ratelimit
from comments.conf import comment_settings
from comments.models import Comment
from comments.moderation import CommentModerator, TrustEvidence, comments_are_open, is_trusted
from comments.spam import pipeline as spam
from posts.models import display_name

from .writes import build_comment, save_new_comment

logger = logging.getLogger(__name__)


class CommentRefused(ValidationError):
    """Why a new comment was not taken: `reason` (one of the constants below) and the
    reader's message, or for INVALID the messages per model field (`message_dict`). A
    ValidationError, so callers that only want "it was refused" need not know the reasons.
    """

    CLOSED = "closed"  # comments are closed on the article
    REPLY_GONE = "reply_gone"  # the comment replied to is not shown to this reader
    TOO_FAST = "too_fast"  # the address's rate limit (COMMENTS_RATE_LIMIT)
    INVALID = "invalid"  # the fields (full_clean), per field

    def __init__(self, reason: str, message=None):
        super().__init__(message, code=reason)
        self.reason = reason


def refuse_if_closed(post) -> None:
    """Raise CommentRefused(CLOSED) unless the article takes comments (the view asks before
    it reads the form, so a closed article says so whatever was typed)."""
    if not comments_are_open(post):
        raise CommentRefused(
            CommentRefused.CLOSED, gettext("Comments are closed for this article.")
        )


def _reply_target(post, reply_to: int, own_ids) -> Comment:
    parent = Comment.objects.for_post(post).shown_to(own_ids).filter(pk=reply_to).first()
    if parent is None:
        raise CommentRefused(
            CommentRefused.REPLY_GONE,
            gettext("The comment you are replying to is no longer available."),
        )
    return parent


def _count_against_rate_limit(ip_address: str | None) -> None:
    if not ratelimit.hit(scope="comment", key=ip_address or "-", rate=comment_settings.RATE_LIMIT):
        raise CommentRefused(
            CommentRefused.TOO_FAST,
            gettext(
                "You are sending comments faster than we accept them. Please wait a minute "
                "and send it again: your text is still here."
            ),
        )


def submit_comment(
    *,
    post,
    body: str,
    name: str = "",
    email: str = "",
    url: str = "",
    parent: Comment | None = None,
    reply_to: int | None = None,
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
    rate_limited: bool = True,
) -> Comment:
    """Decide about a reader's comment and save it, or raise CommentRefused.

    In order: the thread must be open; `reply_to` (a comment id from the form) must be a
    comment this reader is shown (`parent`, for callers holding the comment, is only
    checked to be on the article); the sending address must be within
    COMMENTS_RATE_LIMIT (`rate_limited=False` for callers that are not a reader's request);
    the fields must validate. Then the spam check runs, outside any transaction; the rest
    is one transaction. Return the saved comment; a repeat of the author's previous
    comment on the same article returns that comment unchanged (with `was_duplicate` set)
    instead of saving a second one.
    """
    trust = trust or TrustEvidence(user=user)
    refuse_if_closed(post)
    if reply_to is not None:
        parent = _reply_target(post, reply_to, trust.own_comment_ids)
    if rate_limited:
        _count_against_rate_limit(ip_address)
    if user is not None and not user.is_authenticated:
        user = None
    if user is not None:
        name = display_name(user)[:80]
        email = user.email
    try:
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
    except ValidationError as error:
        refusal = CommentRefused(CommentRefused.INVALID, error.update_error_dict({}))
        raise refusal from error

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
