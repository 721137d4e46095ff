"""While one comment waits for Akismet, other comments on the same article are not blocked.

submit_comment asks the spam pipeline (and so Akismet) before it opens its transaction and
locks the article's row; a comment waiting for a slow Akismet holds no lock.
"""

import threading

import pytest
from django.db import connection

from comments.models import Comment
from comments.services import submit_comment

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def submit(post, body, email):
    return submit_comment(
        post=post,
        body=body,
        name="Lettrice",
        email=email,
        ip_address="192.0.2.20",
        language="it",
    )


def test_a_comment_waiting_for_akismet_does_not_block_another_on_the_same_article(akismet, post):
    if connection.vendor != "postgresql":
        pytest.skip("row locks across threads are tested on PostgreSQL")
    akismet.hold_next.set()
    errors = []

    def slow_reader():
        try:
            submit(post, "Il primo commento aspetta Akismet.", "prima@example.com")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    waiting = threading.Thread(target=slow_reader)
    waiting.start()
    try:
        assert akismet.holding.wait(10), "the first comment never reached Akismet"
        second = submit(post, "Il secondo passa subito.", "seconda@example.com")
        # The second comment is saved while the first is still waiting for Akismet.
        assert Comment.objects.filter(pk=second.pk).exists()
        assert not Comment.objects.filter(body__startswith="Il primo").exists()
    finally:
        akismet.release.set()
        waiting.join(15)
    assert not errors
    assert Comment.objects.filter(body__startswith="Il primo").count() == 1
