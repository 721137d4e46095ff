"""The sweep behind the tasks: run it from cron every few minutes (see README).

It starts what no task started: articles that came due without a deferred task (the
immediate backend cannot wait; a task may be lost), the weekly digests once their week is
over; it retries messages whose wait is over, and marks as failed what a dead worker left
half-sent. Everything it starts is guarded by the same unique rows as the tasks, so it can
run on several hosts, or while the tasks run, without sending anything twice.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from posts.subscriptions import mailings, sending, tasks


class Command(BaseCommand):
    help = "Send due articles and weekly digests to subscribers, and retry failed messages."

    def handle(self, **options):
        now = timezone.now()
        interrupted = sending.mark_interrupted(now=now)
        started = 0
        for post_id in mailings.articles_without_mailing(now=now).values_list("pk", flat=True):
            _mailing, created = mailings.start_article_mailing(post_id=post_id, now=now)
            started += created
        for language, _name in settings.LANGUAGES:
            _mailing, created = mailings.start_digest_mailing(language=language, now=now)
            started += created
        mailing_ids = list(mailings.mailings_with_work(now=now).values_list("pk", flat=True))
        for mailing_id in mailing_ids:
            tasks.send_mailing_task.enqueue(mailing_id)
        self.stdout.write(
            f"Started {started} mailings; queued sending for {len(mailing_ids)}; "
            f"{interrupted} interrupted messages marked as failed."
        )
