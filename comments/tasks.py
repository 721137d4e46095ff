"""Background work for comments: e-mails, run by the configured Django tasks backend.

Tasks take ids, not objects, so they can be queued in the database and run by a worker; the
comment is read again when the task runs, and a comment deleted meanwhile is skipped.
"""

from django_tasks import task

from comments import notifications
from comments.models import Comment


def _comment(comment_id: int) -> Comment | None:
    return Comment.objects.select_related("post__author", "parent").filter(pk=comment_id).first()


@task()
def notify_moderators_task(comment_id: int) -> int:
    """E-mail the moderators that a comment is held for moderation."""
    comment = _comment(comment_id)
    return notifications.notify_moderators(comment) if comment else 0


@task()
def notify_approved_task(comment_id: int) -> int:
    """E-mail the article's author and the subscriber replied to about an approved comment."""
    comment = _comment(comment_id)
    if comment is None:
        return 0
    return notifications.notify_post_author(comment) + notifications.notify_reply_subscriber(
        comment
    )


# --- Signal receivers, connected in CommentsConfig.ready(). Signals are sent on commit, so the
# comment is in the database when a worker picks the task up.


def on_comment_submitted(sender, comment, **kwargs):
    """Queue the moderators' e-mail for a held comment (never for spam or trash)."""
    if comment.status == Comment.Status.PENDING:
        notify_moderators_task.enqueue(comment.pk)


def on_comment_moderated(sender, comment, old_status=None, **kwargs):
    """Queue the e-mails about a comment that has just been approved."""
    if comment.status == Comment.Status.APPROVED and old_status != Comment.Status.APPROVED:
        notify_approved_task.enqueue(comment.pk)
