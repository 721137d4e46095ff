"""Receivers connected in SubscriptionsConfig.ready(): posts announces nothing itself."""

from django.db import transaction
from django.utils import timezone

from posts.subscriptions import mailings, tasks


def article_saved(sender, instance, raw=False, **kwargs):
    """An article published or scheduled: queue its mailing once the save is committed.

    Saving a draft, an old or an imported article costs no query here; saving a scheduled
    article again queues another deferred task, which finds the mailing and does nothing.
    """
    if raw or not mailings.could_become_news(instance, now=timezone.now()):
        return
    post_id, due = instance.pk, instance.published_at
    transaction.on_commit(lambda: tasks.schedule_article(post_id=post_id, due=due))
