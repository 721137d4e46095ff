"""Mailings go out in batches of constant cost, are retried, and never sent twice."""

import io
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from posts.subscriptions import mailings, sending
from posts.subscriptions.models import Delivery, Mailing, Subscription
from tests.conftest import make_post
from tests.subscriptions.conftest import make_subscriber

pytestmark = pytest.mark.django_db

Status = Delivery.Status


def sweep():
    call_command("send_subscriptions", stdout=io.StringIO())


def queued_mailing(author, subscribers: int):
    for _n in range(subscribers):
        make_subscriber()
    post = make_post(author=author, published_at=timezone.now())
    mailing, created = mailings.start_article_mailing(post_id=post.pk)
    assert created
    return mailing


def queries_to_send(author, subscribers: int) -> int:
    Mailing.objects.all().delete()
    mailing = queued_mailing(author, subscribers)
    with CaptureQueriesContext(connection) as queries:
        report = sending.send_mailing(mailing.pk)
    assert report.sent == Delivery.objects.filter(mailing=mailing).count()
    return len(queries)


def test_each_batch_costs_the_same_few_queries_whatever_the_mailing_size(author, settings):
    settings.SUBSCRIPTIONS_BATCH_SIZE = 5
    ten = queries_to_send(author, 10)  # 2 batches
    twenty = queries_to_send(author, 10)  # 20 subscribers by now: 4 batches
    forty = queries_to_send(author, 20)  # 40: 8 batches
    per_batch = (twenty - ten) / 2
    assert forty - twenty == 4 * per_batch
    # The claim (select, update, read with the subscribers, in a savepoint here: two more
    # statements) and one update of the outcomes.
    assert per_batch <= 6
    assert len(mail.outbox) == 10 + 20 + 40  # every subscriber of the time, once each


def test_a_message_refused_for_now_is_tried_again_later_then_given_up(
    author, settings, smtp_server
):
    settings.SUBSCRIPTIONS_MAX_ATTEMPTS = 3
    make_subscriber(email="ok@example.com")
    make_subscriber(email="full@example.com")
    smtp_server.busy.add("full@example.com")
    mailing = queued_mailing(author, 0)

    sending.send_mailing(mailing.pk)
    refused = Delivery.objects.get(subscription__email="full@example.com")
    assert refused.status == Status.QUEUED and refused.attempts == 1
    assert "451" in refused.error
    assert refused.not_before > timezone.now() + timedelta(minutes=9)
    sweep()  # not due again yet
    assert Delivery.objects.get(pk=refused.pk).attempts == 1

    for attempt in (2, 3):
        Delivery.objects.filter(pk=refused.pk).update(not_before=timezone.now())
        sweep()
        assert Delivery.objects.get(pk=refused.pk).attempts == attempt
    refused.refresh_from_db()
    assert refused.status == Status.FAILED
    assert refused.subscription.status == "active"  # a full mailbox is no bounce
    assert [m["To"] for m in smtp_server.accepted] == ["ok@example.com"]
    assert Mailing.objects.get(pk=mailing.pk).finished_at is not None


def test_an_address_refused_for_good_fails_at_once_and_is_recorded_as_a_bounce(
    author, smtp_server
):
    gone = make_subscriber(email="gone@example.com")
    make_subscriber(email="gone@example.com", language="en")
    smtp_server.refused.add("gone@example.com")
    mailing = queued_mailing(author, 0)
    sending.send_mailing(mailing.pk)
    delivery = Delivery.objects.get(mailing=mailing)
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 1)
    assert "550" in delivery.error
    gone.refresh_from_db()
    assert gone.status == "bounced"
    assert set(Subscription.objects.values_list("status", flat=True)) == {"bounced"}


def test_when_the_mail_server_is_down_every_message_waits_and_goes_out_once_it_is_back(
    author, settings, smtp_server
):
    for n in range(3):
        make_subscriber(email=f"r{n}@example.com")
    mailing = queued_mailing(author, 0)
    with socket.socket() as closed:  # a port where nothing listens
        closed.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = closed.getsockname()[1]
    sending.send_mailing(mailing.pk)
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Status.QUEUED, 1)}

    settings.EMAIL_PORT = smtp_server.port
    Delivery.objects.update(not_before=timezone.now())
    sweep()
    sweep()
    assert sorted(m["To"] for m in smtp_server.accepted) == [f"r{n}@example.com" for n in range(3)]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Status.SENT}


def test_messages_a_dead_worker_took_are_never_sent_again(author):
    for _n in range(3):
        make_subscriber()
    mailing = queued_mailing(author, 0)
    mail.outbox.clear()
    taken = sending.claim_batch(mailing.pk, size=2, now=timezone.now())  # then it dies
    sweep()
    assert len(mail.outbox) == 1  # only the message nobody had taken
    assert Delivery.objects.filter(status=Status.SENDING).count() == 2

    Delivery.objects.filter(pk__in=[d.pk for d in taken]).update(
        claimed_at=timezone.now() - timedelta(hours=2)
    )
    sweep()
    assert len(mail.outbox) == 1
    assert (
        Delivery.objects.filter(status=Status.FAILED, error__contains="interrupted").count() == 2
    )
    assert Mailing.objects.get(pk=mailing.pk).finished_at is not None


def test_a_reader_who_leaves_before_their_turn_gets_nothing(author):
    from posts.subscriptions import services

    stays, leaves = make_subscriber(), make_subscriber()
    mailing = queued_mailing(author, 0)
    services.unsubscribe(subscription=leaves)
    mail.outbox.clear()
    sending.send_mailing(mailing.pk)
    assert [message.to for message in mail.outbox] == [[stays.email]]
    assert Delivery.objects.get(subscription=leaves).status == Status.SKIPPED


def test_two_runs_claiming_batches_never_take_the_same_message(author):
    for _n in range(7):
        make_subscriber()
    mailing = queued_mailing(author, 0)
    now = timezone.now()
    first = sending.claim_batch(mailing.pk, size=4, now=now)
    second = sending.claim_batch(mailing.pk, size=4, now=now)
    third = sending.claim_batch(mailing.pk, size=4, now=now)
    assert (len(first), len(second), len(third)) == (4, 3, 0)
    assert not {d.pk for d in first} & {d.pk for d in second}
