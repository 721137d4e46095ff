"""Background work for subscriptions, run by the configured Django tasks backend.

Tasks take ids and read the rows again when they run, so they can wait in the database
queue; each one re-checks what it is about (an article that is no longer due, a mailing
already finished), so running one twice, or late, sends nothing twice.
"""

from datetime import datetime

from django.utils import timezone
from django_tasks import default_task_backend, task

from posts.subscriptions import letters, mailings, sending
from posts.subscriptions.models import Subscription


def can_defer() -> bool:
    """Whether the tasks backend runs a task later (the database one); the immediate
    backend cannot, and the `send_subscriptions` sweep (cron) does it instead."""
    return default_task_backend.supports_defer


def enqueue_later(task_, when: datetime | None, *args) -> None:
    """Run task_(*args) at `when` (now when None or past; left to the sweep when the
    backend cannot wait)."""
    if when is None or when <= timezone.now():
        task_.enqueue(*args)
    elif can_defer():
        task_.using(run_after=when).enqueue(*args)


@task()
def start_article_task(post_id: int) -> int:
    """Create the article's mailing if it is news and has none, then send it."""
    mailing, created = mailings.start_article_mailing(post_id=post_id)
    if created and mailing.finished_at is None:
        send_mailing_task.enqueue(mailing.pk)
    return mailing.pk if mailing else 0


@task()
def send_mailing_task(mailing_id: int) -> int:
    """Send what is due of a mailing; hand over to a new task when the time budget runs out,
    and come back when the first failed message may be tried again."""
    report = sending.send_mailing(mailing_id)
    if report.more_now:
        send_mailing_task.enqueue(mailing_id)
    elif report.next_retry is not None:
        enqueue_later(send_mailing_task, report.next_retry, mailing_id)
    return report.sent


@task()
def send_request_reply_task(subscription_id: int) -> int:
    """Answer a subscription request: the confirmation link, or the manage link."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.status not in (
        Subscription.Status.PENDING,
        Subscription.Status.ACTIVE,
    ):
        return 0
    return letters.request_reply(subscription).send()


def schedule_article(*, post_id: int, due: datetime) -> None:
    """Send the article when it comes due: now, or through a deferred task (which checks
    again then: the date may have moved, the article may be a draft again)."""
    enqueue_later(start_article_task, due, post_id)
