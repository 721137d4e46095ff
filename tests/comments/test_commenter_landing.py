"""A commenter lands on their comment, rendered for them in its state, whatever the filter
decided; the page they land on is never the copy cached for strangers."""

import re

import pytest
from django.test import Client

from comments.models import Comment, ModerationTerm
from tests.comments.reader_helpers import make_comment, post_comment

pytestmark = pytest.mark.django_db

AWAITING = "Il tuo commento è in attesa di moderazione."


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def land(client, response):
    """Follow the comment form's redirect as a browser does; return the anchor and page."""
    assert response.status_code == 302
    path, _, anchor = response["Location"].partition("#")
    page = client.get(path)
    assert page.status_code == 200
    return anchor, page


def comment_block(page, anchor):
    match = re.search(rf'<li class="[^"]*" id="{anchor}"(.*?)</article>', page.text, re.S)
    assert match, f"#{anchor} is not on the page"
    return match.group(1)


def test_a_held_comment_is_where_its_author_lands_with_its_state(client, post):
    Client().get(post.get_absolute_url())  # a stranger's read: the page is now cached
    anchor, page = land(client, post_comment(client, post, body="Grazie, molto chiaro."))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert anchor == f"comment-{comment.pk}"
    assert "X-Page-Cache" not in page  # rendered for this reader, not the strangers' copy
    block = comment_block(page, anchor)
    assert "Grazie, molto chiaro." in block and AWAITING in block
    assert "Grazie: il tuo commento è in attesa di moderazione." in page.text
    assert f'id="{anchor}"' not in Client().get(post.get_absolute_url()).text


def test_a_comment_the_filter_sends_to_spam_still_awaits_moderation_for_its_author(client, post):
    # A promotional phrase and a link to an unknown site: the filter's evidence says spam.
    response = post_comment(
        client, post, body="Offerta imperdibile, clicca qui: https://cheap-pills.example/buy"
    )
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    anchor, page = land(client, response)
    assert anchor == f"comment-{comment.pk}"
    assert AWAITING in comment_block(page, anchor)
    assert "cheap-pills" not in Client().get(post.get_absolute_url()).text


def test_a_published_comment_is_where_its_author_lands(client, post, reader):
    # A signed-in reader with an approved comment is trusted: published at once.
    make_comment(post, user=reader, author_name="reader", author_email=reader.email)
    client.force_login(reader)
    response = post_comment(client, post, body="Torno a dire: molto utile.")
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.APPROVED
    anchor, page = land(client, response)
    assert anchor == f"comment-{comment.pk}"
    block = comment_block(page, anchor)
    assert "Torno a dire: molto utile." in block and AWAITING not in block
    assert "Grazie: il tuo commento è pubblicato." in page.text


def test_a_comment_with_blocked_words_lands_on_the_comments_and_is_shown_to_no_one(client, post):
    ModerationTerm.objects.create(
        list=ModerationTerm.List.BLOCKED, kind=ModerationTerm.Kind.WORD, value="casinò"
    )
    response = post_comment(client, post, body="Il miglior casinò online.")
    assert Comment.objects.get().status == Comment.Status.TRASH
    anchor, page = land(client, response)
    assert anchor == "comments"
    assert 'id="comments"' in page.text and "casinò" not in page.text


def test_a_reply_lands_on_its_thread_under_its_parent(client, post):
    parent = make_comment(post, author_name="Maria Rossi")
    anchor, page = land(client, post_comment(client, post, body="Concordo.", parent=parent.pk))
    reply = Comment.objects.get(parent=parent)
    assert anchor == f"comment-{reply.pk}"
    thread = page.text.split(f'id="comment-{parent.pk}"', 1)[1]
    assert f'id="{anchor}"' in thread.split("</ol>", 1)[0]  # in the parent's children
