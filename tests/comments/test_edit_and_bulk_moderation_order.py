"""Editing a comment asks the spam filter before writing; bulk moderation learns at once.

edit_comment, like submit_comment, waits for Akismet with no transaction open (on SQLite
a transaction holds the database's write lock). A bulk action on N comments updates the
classifier once, not N times under its row lock.
"""

import pytest
from django.db import connections

from comments.models import Comment
from comments.services import edit_comment, moderate_many
from comments.spam.models import ClassifierState
from tests.comments.moderation_factories import make_comment, make_editor
from tests.comments.spam.akismet_server import VALID_KEY, AkismetServer


@pytest.fixture
def akismet(settings):
    server = AkismetServer().start()
    settings.AKISMET_API_KEY = VALID_KEY
    settings.AKISMET_BLOG_URL = "https://blog.example.com"
    settings.AKISMET_API_URL = server.url
    settings.AKISMET_TIMEOUT = 2
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_editing_an_approved_comment_asks_akismet_outside_any_transaction(post, akismet):
    comment = make_comment(post=post, status=Comment.Status.APPROVED, body="Prima versione.")
    connection = connections["default"]  # this thread's connection, seen from the server
    seen = []
    akismet.on_request = lambda endpoint: seen.append((endpoint, connection.in_atomic_block))

    edit_comment(comment=comment, body="Seconda versione, corretta.", own_comment_ids=[comment.pk])

    assert ("comment-check", False) in seen
    comment.refresh_from_db()
    assert comment.body == "Seconda versione, corretta."


@pytest.mark.django_db
def test_a_bulk_decision_on_many_comments_updates_the_classifier_once(post):
    comments = [make_comment(post=post, body=f"Offerta speciale numero {n}") for n in range(5)]
    moderate_many(comments=comments[:1], status=Comment.Status.SPAM)
    before = ClassifierState.objects.get()

    changed = moderate_many(comments=comments[1:], status=Comment.Status.SPAM)

    after = ClassifierState.objects.get()
    assert len(changed) == 4
    assert after.version == before.version + 1
    assert after.spam_learned == before.spam_learned + 4
    assert set(Comment.objects.values_list("status", flat=True)) == {Comment.Status.SPAM}


@pytest.mark.django_db
def test_the_admins_bulk_spam_action_learns_the_selection_in_one_update(client, post):
    client.force_login(make_editor(username="editor", email="editor@example.com"))
    comments = [make_comment(post=post, body=f"Vendo follower {n}") for n in range(4)]
    moderate_many(comments=[make_comment(post=post)], status=Comment.Status.APPROVED)
    version = ClassifierState.objects.get().version

    response = client.post(
        "/admin/comments/comment/",
        {"action": "mark_spam", "_selected_action": [c.pk for c in comments], "index": 0},
    )

    assert response.status_code == 302
    state = ClassifierState.objects.get()
    assert state.version == version + 1
    assert state.spam_learned == 4
