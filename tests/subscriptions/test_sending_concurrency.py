"""Never twice, with real concurrency: threads on PostgreSQL, as two app servers and
several task workers would be.

SQLite serializes writers on one file lock, so these races only exist (and are only worth
testing) on PostgreSQL.
"""

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from posts.models import Post
from posts.subscriptions import mailings, sending
from posts.subscriptions.models import Delivery, Mailing
from tests.conftest import make_post
from tests.reactions.test_reactions_concurrency import run_together
from tests.subscriptions.conftest import make_subscriber

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def due_article(author):
    """An article that just came due, which nothing has mailed yet (saved as a draft and
    published behind the signals' back, as a scheduled article's moment arrives)."""
    post = make_post(author=author, status=Post.Status.DRAFT, published_at=None)
    Post.objects.filter(pk=post.pk).update(
        status=Post.Status.PUBLISHED, published_at=timezone.now()
    )
    return post


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL only (SQLite serializes writers)")


def test_two_servers_publishing_the_same_article_at_once_queue_it_once(author):
    subscribers = [make_subscriber() for _n in range(20)]
    post = due_article(author)
    outcomes = run_together(
        [lambda: mailings.start_article_mailing(post_id=post.pk) for _n in range(6)]
    )
    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert sum(created for _mailing, created in outcomes) == 1
    assert Mailing.objects.count() == 1
    assert Delivery.objects.count() == len(subscribers)


def test_four_workers_sending_one_mailing_send_each_message_once(author, settings):
    settings.SUBSCRIPTIONS_BATCH_SIZE = 7
    subscribers = [make_subscriber() for _n in range(60)]
    post = due_article(author)
    mailing, _created = mailings.start_article_mailing(post_id=post.pk)
    mail.outbox.clear()
    outcomes = run_together([lambda: sending.send_mailing(mailing.pk) for _n in range(4)])
    assert sum(report.sent for report in outcomes) == len(subscribers)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(subscriber.email for subscriber in subscribers)
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
