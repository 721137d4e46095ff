"""What follows a change to comments, each receiver named for what it does.

Connected when the app is ready (CommentsConfig.ready imports this module). The services send
comment_submitted and comment_moderated once their transaction is committed
(comments.signals), so a receiver finds the rows saved. Training the spam filter is not here:
moderate_many() does it in its own transaction. Reporting moderators' decisions to Akismet is
the spam filter's receiver, comments.spam.receivers.report_moderation.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from comments import services, tasks, terms
from comments.models import Comment, ModerationTerm
from comments.signals import comment_moderated, comment_submitted
from posts import cache, names


@receiver(post_save, sender=Comment, dispatch_uid="comments.pagecache")
@receiver(post_delete, sender=Comment, dispatch_uid="comments.pagecache")
def forget_cached_pages_showing_the_comment(sender, instance, created=False, **kwargs):
    """Any saved or removed comment (approved, edited, moved to spam or trash) changes its
    article's pages; a new one only when it is published at once (no one else's page shows a
    new held or spam comment)."""
    if created and instance.status != Comment.Status.APPROVED:
        return
    cache.comments_changed(post_id=instance.post_id)


@receiver(comment_submitted, dispatch_uid="comments.notify_submitted")
def email_moderators_about_a_held_comment(sender, comment, **kwargs):
    """Queue the moderators' e-mail for a held comment (never for spam or trash)."""
    if comment.status == Comment.Status.PENDING:
        tasks.notify_moderators_task.enqueue(comment.pk)


@receiver(comment_moderated, dispatch_uid="comments.notify_held_by_readers")
def email_moderators_about_a_comment_readers_sent_back(
    sender, comment, old_status=None, moderator=None, **kwargs
):
    """A published comment back in the queue with no moderator's decision (readers' flags
    held it): the moderators hear of it as of any held comment. A moderator who moves a
    comment back to the queue is not told of their own click."""
    if (
        moderator is None
        and comment.status == Comment.Status.PENDING
        and old_status == Comment.Status.APPROVED
    ):
        tasks.notify_moderators_task.enqueue(comment.pk)


@receiver(comment_moderated, dispatch_uid="comments.notify_moderated")
def email_about_a_newly_approved_comment(sender, comment, old_status=None, **kwargs):
    """Queue the e-mails to the article's author and the subscriber replied to."""
    if comment.status == Comment.Status.APPROVED and old_status != Comment.Status.APPROVED:
        tasks.notify_approved_task.enqueue(comment.pk)


@receiver(post_save, sender=ModerationTerm, dispatch_uid="comments.terms.saved")
@receiver(post_delete, sender=ModerationTerm, dispatch_uid="comments.terms.deleted")
def forget_cached_moderation_terms(sender, **kwargs):
    """The rules read the terms from a short-lived cache: an edit in the admin applies at once."""
    terms.forget_terms()


@receiver(names.display_name_changed, dispatch_uid="comments.rename_account_comments")
def show_the_new_name_on_the_account_comments(sender, user_id, name, **kwargs):
    """An account's display name changed: its comments and replies show the new one."""
    services.rename_account_comments(user_id=user_id, name=name)
