"""create_comment and create_comments: the one write path for comments, with the caller's
status and date, threads put together once (root, depth, attach point)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from comments.services import NewComment, create_comment, create_comments

pytestmark = pytest.mark.django_db

WHEN = timezone.now() - timedelta(days=400)


def item(post, parent=None, **fields):
    values = {
        "post": post,
        "body": "Grazie per l'articolo, ho una domanda sui resi.",
        "status": Comment.Status.APPROVED,
        "submitted_at": WHEN,
        "author_name": "Lucia",
        "author_email": "lucia@example.com",
        "parent": parent,
    }
    values.update(fields)
    return NewComment(**values)


def test_create_comment_keeps_the_given_status_and_date(post, mailoutbox):
    comment = create_comment(
        post=post,
        body="Fonte: https://example.org/resi <b>",
        author_name="Ada",
        status="approved",
        submitted_at=WHEN,
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.submitted_at == WHEN
    assert comment.root_id is None and comment.depth == 0
    assert '<a rel="nofollow ugc" href="https://example.org/resi">' in comment.body_html
    assert "&lt;b&gt;" in comment.body_html  # stored rendered, and escaped
    assert mailoutbox == []  # quiet by default: imports and fixtures e-mail nobody


def test_a_top_level_comment_is_one_insert(post, django_assert_num_queries):
    with django_assert_num_queries(3):  # savepoint, INSERT, release
        create_comment(post=post, body="Uno", author_name="Ada", status="approved")


def test_a_bad_field_is_refused_with_its_name(post):
    with pytest.raises(ValidationError) as error:
        create_comment(post=post, body="", author_name="Ada", status="approved")
    assert "body" in error.value.message_dict
    assert not Comment.objects.exists()


def test_the_bulk_form_inserts_one_statement_per_depth(post):
    top = [item(post) for _ in range(5)]
    replies = [item(post, parent=parent) for parent in top]
    deeper = [item(post, parent=reply) for reply in replies]
    with CaptureQueriesContext(connection) as queries:
        saved = create_comments(top + replies + deeper)
    inserts = [q for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 3
    assert len(saved) == 15 and all(comment.pk for comment in saved)


def test_every_reply_carries_the_root_of_its_thread(post, settings):
    settings.COMMENTS_MAX_DEPTH = 5
    first = item(post)
    second = item(post, parent=first)
    third = item(post, parent=second)
    fourth = item(post, parent=third)
    create_comments([first, second, third, fourth])
    rows = {c.pk: c for c in Comment.objects.all()}
    root = rows[first.saved.pk]
    assert root.root_id is None and root.thread_id == root.pk
    for reply, depth in ((second, 1), (third, 2), (fourth, 3)):
        row = rows[reply.saved.pk]
        assert row.root_id == root.pk
        assert row.depth == depth


def test_a_reply_too_deep_attaches_to_the_deepest_allowed_level(post, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    first = item(post)
    second = item(post, parent=first)
    third = item(post, parent=second)
    create_comments([first, second, third])
    third_row = Comment.objects.get(pk=third.saved.pk)
    assert third_row.depth == 1
    assert third_row.parent_id == first.saved.pk
    assert third_row.root_id == first.saved.pk


def test_a_reply_given_before_its_parent_is_refused(post):
    parent = item(post)
    with pytest.raises(ValueError):
        create_comments([item(post, parent=parent), parent])
    assert not Comment.objects.exists()


def test_a_reply_to_another_articles_comment_is_refused(post, author):
    from tests.conftest import make_post

    other = create_comment(post=make_post(author=author), body="Altrove", author_name="Ada")
    with pytest.raises(ValidationError) as error:
        create_comment(post=post, body="Qui", author_name="Bea", parent=other)
    assert "parent" in error.value.message_dict
