"""Starting a mailing: which article is news, which week a digest covers, and queueing one
delivery per subscriber.

Each start is one transaction that creates the Mailing row its unique constraint allows
once (per article; per language and week) and, only when it created it, the deliveries.
Whoever comes second (another app server, a retried task, the cron sweep) finds the row
and queues nothing.
"""

from datetime import datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from posts.models import Post
from posts.subscriptions.conf import subscription_settings
from posts.subscriptions.models import Delivery, Mailing, Subscription

Frequency = Subscription.Frequency


def news(posts, *, now: datetime):
    """The articles of `posts` that are news: due, came due within SEND_WITHIN_HOURS, and
    written here (an article imported from WordPress was announced by the old site)."""
    since = now - timedelta(hours=subscription_settings.SEND_WITHIN_HOURS)
    return posts.published().filter(published_at__gte=since, wordpress_id__isnull=True)


def could_become_news(post, *, now: datetime) -> bool:
    """Whether saving `post` may lead to a mailing, now or when it comes due (no query)."""
    since = now - timedelta(hours=subscription_settings.SEND_WITHIN_HOURS)
    return (
        post.status != Post.Status.DRAFT
        and post.published_at is not None
        and post.published_at >= since
        and post.wordpress_id is None
    )


def _fan_out(mailing: Mailing, *, frequency: str, now: datetime) -> int:
    """Queue one delivery per subscriber receiving `frequency` mails in the mailing's
    language, in one INSERT ... SELECT: constant memory and one round trip for any number
    of subscribers (the ORM has no INSERT from a SELECT)."""
    delivery, subscription = Delivery._meta, Subscription._meta
    quote = connection.ops.quote_name
    columns = ["mailing_id", "subscription_id", "status", "attempts", "not_before", "claim"]
    columns += ["error"]
    sql = (
        f"INSERT INTO {quote(delivery.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"SELECT %s, {quote('id')}, %s, 0, %s, '', '' FROM {quote(subscription.db_table)} "
        f"WHERE {quote('language')} = %s AND {quote('frequency')} = %s "
        f"AND {quote('status')} = %s"
    )
    not_before = connection.ops.adapt_datetimefield_value(now)
    params = [
        mailing.pk,
        Delivery.Status.QUEUED,
        not_before,
        mailing.language,
        frequency,
        Subscription.Status.ACTIVE,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


@transaction.atomic
def start_article_mailing(*, post_id: int, now: datetime | None = None):
    """Create the mailing of an article that is news, with its deliveries.

    Return (mailing, created): (None, False) when the article is not (or no longer) news.
    """
    now = now or timezone.now()
    post = news(Post.objects.filter(pk=post_id), now=now).first()
    if post is None:
        return None, False
    mailing, created = Mailing.objects.get_or_create(
        post=post, defaults={"kind": Mailing.Kind.ARTICLE, "language": post.language}
    )
    if created:
        queued = _fan_out(mailing, frequency=Frequency.EACH, now=now)
        if not queued:
            Mailing.objects.filter(pk=mailing.pk).update(finished_at=now)
    return mailing, created


# --- The weekly digest ---------------------------------------------------------------------


def _local_midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()))


def digest_period(now: datetime) -> tuple[datetime, datetime]:
    """The latest week whose digest is due at `now`: [start, end), local midnights on
    DIGEST_WEEKDAY, sent from DIGEST_HOUR on the day it ends."""
    today = timezone.localtime(now).date()
    end_day = today - timedelta(days=(today.weekday() - subscription_settings.DIGEST_WEEKDAY) % 7)
    if now < _local_midnight(end_day) + timedelta(hours=subscription_settings.DIGEST_HOUR):
        end_day -= timedelta(days=7)
    return _local_midnight(end_day - timedelta(days=7)), _local_midnight(end_day)


def digest_posts(*, language: str, start: datetime, end: datetime):
    """The week's articles in `language`, newest first (as the digest lists them)."""
    return (
        Post.objects.readable_in(language)
        .filter(published_at__gte=start, published_at__lt=end, wordpress_id__isnull=True)
        .order_by("-published_at", "-pk")
    )


@transaction.atomic
def start_digest_mailing(*, language: str, now: datetime | None = None):
    """Create the digest of the latest due week in `language`, with its deliveries (none
    when the week had no article). Return (mailing, created)."""
    now = now or timezone.now()
    start, end = digest_period(now)
    mailing, created = Mailing.objects.get_or_create(
        kind=Mailing.Kind.DIGEST,
        language=language,
        period_start=start,
        defaults={"period_end": end},
    )
    if created:
        has_posts = digest_posts(language=language, start=start, end=end).exists()
        if not has_posts or not _fan_out(mailing, frequency=Frequency.WEEKLY, now=now):
            Mailing.objects.filter(pk=mailing.pk).update(finished_at=now)
    return mailing, created


# --- What the sweep looks for ------------------------------------------------------------


def articles_without_mailing(*, now: datetime):
    """Articles that are news and have no mailing yet (a task lost, or no deferred task)."""
    return news(Post.objects.all(), now=now).filter(
        ~Exists(Mailing.objects.filter(post=OuterRef("pk")))
    )


def mailings_with_work(*, now: datetime):
    """Unfinished mailings with a delivery that may be sent now."""
    due = Delivery.objects.filter(
        mailing=OuterRef("pk"), status=Delivery.Status.QUEUED, not_before__lte=now
    )
    return Mailing.objects.filter(finished_at__isnull=True).filter(Exists(due))
