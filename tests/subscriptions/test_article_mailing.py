"""Publishing an article e-mails it to its language's subscribers, once."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from posts import services as post_services
from posts.models import Post
from posts.subscriptions.models import Delivery, Mailing
from tests.conftest import make_post
from tests.subscriptions.conftest import make_subscriber, sent_to

pytestmark = pytest.mark.django_db


def sweep():
    call_command("send_subscriptions", stdout=io.StringIO())


def publish(author, django_capture_on_commit_callbacks, **fields):
    """Publish an article as the admin's save does, running what waits for the commit."""
    fields = {"title": "Resi senza attrito", "lead": "Come si fa.", "body": "Testo.", **fields}
    with django_capture_on_commit_callbacks(execute=True):
        return post_services.create_post(author=author, status=Post.Status.PUBLISHED, **fields)


def test_publishing_an_article_emails_each_subscriber_of_its_language_once(
    author, django_capture_on_commit_callbacks
):
    anna = make_subscriber(email="anna@example.com")
    make_subscriber(email="bruno@example.com", frequency="weekly")
    make_subscriber(email="carla@example.com", language="en")
    make_subscriber(email="dario@example.com", confirm=False)
    mail.outbox.clear()

    post = publish(author, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[anna.email]]
    message = mail.outbox[0]
    assert message.subject == "Resi senza attrito"
    assert "Come si fa." in message.body
    assert f"http://127.0.0.1:8000{post.get_absolute_url()}" in message.body
    assert "Leggi l'articolo" in message.body  # in the subscriber's language
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="it">' in html and "Come si fa." in html
    assert Delivery.objects.get().status == Delivery.Status.SENT
    assert Mailing.objects.get().finished_at is not None


def test_an_english_article_goes_to_english_subscribers_in_english(
    author, django_capture_on_commit_callbacks
):
    carla = make_subscriber(email="carla@example.com", language="en")
    make_subscriber(email="anna@example.com")
    mail.outbox.clear()

    publish(author, django_capture_on_commit_callbacks, language="en", title="Returns")

    assert [message.to for message in mail.outbox] == [[carla.email]]
    assert "Read the article" in mail.outbox[0].body
    assert "/en/" in mail.outbox[0].extra_headers["List-Unsubscribe"]


def test_every_article_mail_carries_one_click_unsubscribe_headers(
    author, django_capture_on_commit_callbacks
):
    anna = make_subscriber(email="anna@example.com")
    mail.outbox.clear()
    publish(author, django_capture_on_commit_callbacks)
    headers = sent_to(anna.email)[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith(
        "<http://127.0.0.1:8000/subscriptions/unsubscribe/"
    )
    assert headers["List-Id"] == "<articles-it.127.0.0.1>"
    assert "anna" not in headers["List-Unsubscribe"]  # ids only, never the address


def test_saving_a_published_article_again_sends_nothing_more(
    author, django_capture_on_commit_callbacks
):
    make_subscriber()
    post = publish(author, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_services.update_post(post, title="Resi senza attrito (aggiornato)")
        post_services.update_post(post, status=Post.Status.DRAFT)
        post_services.update_post(post, status=Post.Status.PUBLISHED)
    sweep()
    assert mail.outbox == []
    assert Mailing.objects.filter(kind=Mailing.Kind.ARTICLE).count() == 1


def test_a_draft_sends_nothing_until_it_is_published(author, django_capture_on_commit_callbacks):
    anna = make_subscriber()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post = post_services.create_post(author=author, title="Bozza", body="Testo.")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        post_services.update_post(post, status=Post.Status.PUBLISHED)
    assert [message.to for message in mail.outbox] == [[anna.email]]


def test_a_backdated_or_imported_article_is_not_news(author, django_capture_on_commit_callbacks):
    make_subscriber()
    mail.outbox.clear()
    publish(
        author, django_capture_on_commit_callbacks, published_at=timezone.now() - timedelta(days=3)
    )
    publish(author, django_capture_on_commit_callbacks, title="Importato", wordpress_id=42)
    sweep()
    assert mail.outbox == []
    assert not Mailing.objects.filter(kind=Mailing.Kind.ARTICLE).exists()


def test_a_scheduled_article_is_sent_by_the_sweep_once_it_comes_due(
    author, django_capture_on_commit_callbacks
):
    anna = make_subscriber()
    mail.outbox.clear()
    due = timezone.now() + timedelta(hours=2)
    post = publish(author, django_capture_on_commit_callbacks, published_at=due)
    sweep()
    assert mail.outbox == []  # not due yet

    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    sweep()
    sweep()
    assert [message.to for message in mail.outbox] == [[anna.email]]


def test_a_task_run_again_sends_nothing_twice(author, django_capture_on_commit_callbacks):
    from posts.subscriptions.tasks import send_mailing_task, start_article_task

    anna = make_subscriber()
    post = make_post(author=author, published_at=timezone.now())
    mail.outbox.clear()
    start_article_task.enqueue(post.pk)
    start_article_task.enqueue(post.pk)
    send_mailing_task.enqueue(Mailing.objects.get().pk)
    assert [message.to for message in mail.outbox] == [[anna.email]]
