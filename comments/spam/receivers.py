"""Receivers of the comments' finished facts (connected in SpamConfig.ready)."""

from . import conf


def report_moderation(sender, *, comment, old_status, **kwargs):
    """After a moderator's decision is committed, queue its report to Akismet."""
    if not conf.akismet_enabled():
        return
    from comments.moderation import training_label

    label = training_label(old_status=old_status, new_status=comment.status)
    if label is None:
        return
    from .tasks import report_to_akismet

    report_to_akismet.enqueue(comment_id=comment.pk, label=label)
