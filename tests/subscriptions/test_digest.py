"""The weekly digest: the week's articles, once per language and week, to weekly readers."""

import io
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from posts.subscriptions import mailings
from posts.subscriptions.models import Mailing
from tests.conftest import make_post
from tests.subscriptions.conftest import make_subscriber, sent_to

pytestmark = pytest.mark.django_db


def sweep():
    call_command("send_subscriptions", stdout=io.StringIO())


def local(*args):
    return timezone.make_aware(datetime(*args))


@pytest.mark.parametrize(
    ("now", "start", "end"),
    [
        (local(2025, 3, 10, 8, 0), local(2025, 3, 3), local(2025, 3, 10)),  # Monday, 8:00
        (local(2025, 3, 10, 7, 59), local(2025, 2, 24), local(2025, 3, 3)),  # not yet
        (local(2025, 3, 16, 23, 0), local(2025, 3, 3), local(2025, 3, 10)),  # Sunday
        # The week of the switch to summer time is 167 hours long, and still ends at midnight.
        (local(2025, 4, 1, 12, 0), local(2025, 3, 24), local(2025, 3, 31)),
    ],
)
def test_the_digest_covers_the_last_whole_week_from_the_morning_it_ends(now, start, end):
    assert mailings.digest_period(now) == (start, end)


def test_weekly_readers_get_the_week_s_articles_once_in_their_language(author, settings):
    # The week's last article came out an hour before the week ended, which is at least
    # DIGEST_HOUR + 1 hours ago: with a one-hour window for news, no article is mailed on
    # its own to "each" readers, whatever the day and hour the test runs (on a Monday the
    # default 24 hours would make it news).
    settings.SUBSCRIPTIONS_SEND_WITHIN_HOURS = 1
    start, end = mailings.digest_period(timezone.now())
    weekly = make_subscriber(email="weekly@example.com", frequency="weekly")
    make_subscriber(email="each@example.com", frequency="each")
    english = make_subscriber(email="en@example.com", frequency="weekly", language="en")
    older = make_post(author=author, title="Primo", published_at=start + timedelta(hours=1))
    newer = make_post(
        author=author, title="Secondo", lead="Il sommario.", published_at=end - timedelta(hours=1)
    )
    make_post(author=author, title="Troppo presto", published_at=start - timedelta(hours=1))
    make_post(
        author=author, title="In inglese", language="en", published_at=start + timedelta(days=1)
    )
    mail.outbox.clear()

    sweep()
    sweep()

    [message] = sent_to(weekly.email)
    assert message.body.index("Secondo") < message.body.index("Primo")
    assert "Il sommario." in message.body and newer.get_absolute_url() in message.body
    assert older.get_absolute_url() in message.alternatives[0][0]
    assert "Troppo presto" not in message.body and "In inglese" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent_to("each@example.com") == []
    [english_message] = sent_to(english.email)
    assert "In inglese" in english_message.body
    assert Mailing.objects.filter(kind=Mailing.Kind.DIGEST).count() == 2


def test_a_week_without_articles_sends_no_digest(author):
    make_subscriber(frequency="weekly")
    mail.outbox.clear()
    sweep()
    assert mail.outbox == []
    assert all(m.finished_at for m in Mailing.objects.filter(kind=Mailing.Kind.DIGEST))


def test_a_digest_whose_articles_were_taken_back_sends_nothing(author):
    from posts.models import Post
    from posts.subscriptions import sending

    start, _end = mailings.digest_period(timezone.now())
    weekly = make_subscriber(frequency="weekly")
    post = make_post(author=author, published_at=start + timedelta(hours=1))
    mailing, _created = mailings.start_digest_mailing(language="it")
    Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)
    mail.outbox.clear()
    sending.send_mailing(mailing.pk)
    assert sent_to(weekly.email) == []
    assert mailing.deliveries.get().status == "skipped"
