"""With the database task queue, a scheduled article waits as a deferred task, which
checks again when it runs: the article goes out once, at its (latest) time."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from posts import services as post_services
from posts.models import Post
from posts.subscriptions.models import Mailing
from tests.subscriptions.conftest import make_subscriber

# Real commits: the worker closes its connection between tasks, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())


def article_tasks():
    return DBTaskResult.objects.filter(task_path__endswith="start_article_task")


def test_a_scheduled_article_waits_in_the_queue_and_goes_out_once_when_due(author):
    anna = make_subscriber()
    work()  # its confirmation e-mail
    mail.outbox.clear()
    due = timezone.now() + timedelta(hours=2)
    post = post_services.create_post(
        author=author, title="Domani", body="Testo.", status=Post.Status.PUBLISHED,
        published_at=due,
    )  # fmt: skip
    assert [task.run_after for task in article_tasks()] == [due]
    work()
    mail.outbox.clear()
    assert not Mailing.objects.exists()

    earlier = timezone.now() + timedelta(hours=1)  # the editor moves it forward
    post_services.update_post(post, published_at=earlier)
    assert sorted(task.run_after for task in article_tasks()) == [earlier, due]

    # Time passes: the article and both tasks come due.
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    article_tasks().update(run_after=timezone.now() - timedelta(minutes=1))
    work()
    work()
    assert [message.to for message in mail.outbox] == [[anna.email]]
    assert Mailing.objects.count() == 1


def test_a_scheduled_article_made_a_draft_again_is_not_sent_when_its_task_runs(author):
    make_subscriber()
    work()  # its confirmation e-mail
    post = post_services.create_post(
        author=author, title="Forse", body="Testo.", status=Post.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=2),
    )  # fmt: skip
    post_services.update_post(post, status=Post.Status.DRAFT)
    article_tasks().update(run_after=timezone.now() - timedelta(minutes=1))
    mail.outbox.clear()
    work()
    assert mail.outbox == [] and not Mailing.objects.exists()
