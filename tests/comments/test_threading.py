import pytest
from django.test import override_settings

from comments.models import Comment
from tests.comments.reader_helpers import make_comment, post_comment, submit

pytestmark = pytest.mark.django_db


def test_a_reply_records_its_parent_root_and_depth(post):
    top = make_comment(post)
    reply = submit(post, parent=top)
    reply_to_reply = submit(post, parent=reply)

    assert (reply.parent, reply.root, reply.depth) == (top, top, 1)
    assert (reply_to_reply.parent, reply_to_reply.root, reply_to_reply.depth) == (reply, top, 2)


def test_a_reply_deeper_than_the_limit_attaches_to_the_deepest_allowed_parent(post):
    top = make_comment(post)
    level1 = make_comment(post, parent=top)
    level2 = make_comment(post, parent=level1)  # the third and last level by default

    deeper = submit(post, parent=level2)

    assert deeper.parent == level1
    assert deeper.depth == 2
    assert deeper.root == top


@override_settings(COMMENTS_MAX_DEPTH=5)
def test_the_depth_limit_is_read_from_the_settings(post):
    parent = make_comment(post)
    for _ in range(6):
        parent = submit(post, parent=parent)
    assert parent.depth == 4
    assert Comment.objects.order_by("depth").last().depth == 4


@override_settings(COMMENTS_MAX_DEPTH=1)
def test_a_depth_of_one_turns_replies_into_top_level_comments(post):
    top = make_comment(post)
    reply = submit(post, parent=top)
    assert reply.parent is None
    assert reply.root is None
    assert reply.thread_id == reply.pk


def test_a_reply_through_the_form_is_threaded_and_shown_under_its_parent(client, post):
    top = make_comment(post, body="Domanda")
    post_comment(client, post, parent=str(top.pk), body="Risposta")
    reply = Comment.objects.get(body="Risposta")
    assert reply.parent == top
    Comment.objects.filter(pk=reply.pk).update(status=Comment.Status.APPROVED)

    html = client.get(post.get_absolute_url()).content.decode()
    thread = html[html.index(f'id="comment-{top.pk}"') :]
    assert thread.index('<ol class="children">') < thread.index(f'id="comment-{reply.pk}"')


def test_replying_to_a_held_comment_of_someone_else_is_refused(client, post):
    held = make_comment(post, status=Comment.Status.PENDING)
    response = post_comment(client, post, parent=str(held.pk), body="Risposta")
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Risposta").exists()


def test_the_reply_link_works_without_javascript(client, post):
    top = make_comment(post, author_name="Maria Rossi")
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'href="?replyto={top.pk}#respond"' in html

    html = client.get(f"{post.get_absolute_url()}?replyto={top.pk}").content.decode()
    assert f'name="parent" value="{top.pk}"' in html
    assert "Maria Rossi" in html[html.index('id="reply-title"') :]
