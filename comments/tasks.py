"""Background work for comments: e-mails, run by the configured Django tasks backend.

The receivers in comments.receivers queue them. Tasks take ids, not objects, so they can be
queued in the database and run by a worker; the comment is read again when the task runs,
and a comment deleted meanwhile is skipped.
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
