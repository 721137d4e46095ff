"""Receivers of the comments' finished facts (connected in SpamConfig.ready)."""

from django.core.cache import cache

from . import conf
from .checks import BLOCKED_TERMS_CACHE_KEY


def report_moderation(sender, *, comment, old_status, **kwargs):
    """After a moderator's decision is committed, queue its report to Akismet."""
    if not conf.akismet_enabled():
        return
    label = {"approved": "ham", "spam": "spam"}.get(comment.status)
    if label is None and old_status == "spam":
        label = "ham"  # "not spam"
    if label is None:
        return
    from .tasks import report_to_akismet

    report_to_akismet.enqueue(comment_id=comment.pk, label=label)


def forget_blocked_terms(sender, **kwargs):
    cache.delete(BLOCKED_TERMS_CACHE_KEY)
