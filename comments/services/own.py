"""A commenter's own comment, from the browser that posted it: edit or delete it while the
edit window lasts."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from comments import wording
from comments.conf import comment_settings
from comments.models import Comment
from comments.moderation import TrustEvidence

from .submit import apply_rules, ask_spam_pipeline, candidate_for


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
        wording.reason("author.deleted", 0.0, "deleted_by_author"),
    ]
    comment.full_clean()
    comment.save(update_fields=["status", "spam_reasons", "updated_at"])
    return comment
