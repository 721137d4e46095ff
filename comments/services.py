"""Writes to comments. Views, admin actions and management commands all call these."""

from django.db import transaction

from comments.models import Comment
from comments.signals import comment_moderated
from comments.spam import pipeline as spam


@transaction.atomic
def moderate(*, comment: Comment, status: str, moderator=None) -> Comment:
    """Move a comment to a status, teach the spam filter, and announce the change."""
    old_status = comment.status
    if old_status == status:
        return comment
    comment.status = status
    comment.full_clean()
    comment.save(update_fields=["status", "updated_at"])
    label = {Comment.Status.APPROVED: "ham", Comment.Status.SPAM: "spam"}.get(status)
    if label is None and old_status == Comment.Status.SPAM:
        label = "ham"  # "not spam"
    if label:
        spam.learn(
            content=comment.body,
            author=comment.author_name,
            email=comment.author_email,
            url=comment.author_url,
            label=label,
        )
    transaction.on_commit(
        lambda: comment_moderated.send(
            sender=Comment, comment=comment, old_status=old_status, moderator=moderator
        )
    )
    return comment
