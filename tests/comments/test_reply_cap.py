"""A thread shows its first replies on the article page; the rest are one link away."""

import re

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blogsite.checks import app_settings_are_valid
from comments.cookies import remember_own_comment
from comments.models import Comment
from tests.comments.reader_helpers import make_comment
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

CAP = 3


def thread(post, replies, **overrides):
    """A top-level comment and `replies` replies under it, oldest first."""
    top = make_comment(post, **overrides)
    return top, [make_comment(post, parent=top) for _ in range(replies)]


def shown_ids(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'<li class="comment [^"]*" id="comment-(\d+)"', html)}


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_a_long_thread_shows_its_first_replies_and_a_link_to_the_others(client, post):
    top, replies = thread(post, 5)
    html = client.get(post.get_absolute_url()).text
    assert shown_ids(html) == {top.pk, *(reply.pk for reply in replies[:CAP])}
    link = (
        f'<a class="comment-more-link" href="?thread={top.pk}#comment-{replies[CAP - 1].pk}"'
        f' aria-describedby="comment-{top.pk}-by">Mostra altre 2 risposte</a>'
    )
    assert link in html
    # The link is described by the byline of the comment that began the thread.
    assert f'id="comment-{top.pk}-by"' in html


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_one_reply_left_out_is_named_in_the_singular(client, post):
    thread(post, CAP + 1)
    assert "Mostra un&#x27;altra risposta</a>" in client.get(post.get_absolute_url()).text


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_short_threads_have_no_link(client, post):
    thread(post, CAP)
    assert "comment-more-link" not in client.get(post.get_absolute_url()).text


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_the_heading_counts_the_replies_left_out_and_not_the_held_ones(client, post):
    top, replies = thread(post, 6)
    make_comment(post, parent=top, status=Comment.Status.PENDING)
    held = make_comment(post, status=Comment.Status.PENDING)
    make_comment(post, parent=held)  # approved, under a held comment: nobody sees it
    assert '<h2 id="comments-title">7 commenti</h2>' in client.get(post.get_absolute_url()).text


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_the_thread_page_shows_the_whole_thread_and_only_it(client, post):
    top, replies = thread(post, 5)
    other, _ = thread(post, 1)
    response = client.get(post.get_absolute_url(), {"thread": top.pk})
    assert response.status_code == 200
    html = response.text
    assert shown_ids(html) == {top.pk, *(reply.pk for reply in replies)}
    assert "comment-more-link" not in html
    assert '<h2 id="comments-title">6 commenti in questa conversazione</h2>' in html
    back = reverse("comments:permalink", kwargs={"pk": top.pk})
    assert f'<a href="{back}">Torna a tutti i commenti</a>' in html
    # Replying from it stays on it.
    assert f'href="?thread={top.pk}&amp;replyto={replies[-1].pk}#respond"' in html


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_the_thread_page_is_in_english_under_en(client, author):
    english = make_post(author=author, language="en", slug="a-long-talk")
    top, _ = thread(english, 4)
    html = client.get(english.get_absolute_url()).text
    assert ">Show 1 more reply</a>" in html
    html = client.get(english.get_absolute_url(), {"thread": top.pk}).text
    assert '<h2 id="comments-title">5 comments in this conversation</h2>' in html
    assert ">Back to all the comments</a>" in html


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_a_thread_of_another_article_or_a_reply_shows_the_usual_page(client, post, author):
    top, replies = thread(post, 1)
    elsewhere, _ = thread(make_post(author=author), 1)
    # (A value that is no id at all is a 404: tests/test_odd_ids.py.)
    for asked in (elsewhere.pk, replies[0].pk):
        html = client.get(post.get_absolute_url(), {"thread": asked}).text
        assert '<h2 id="comments-title">2 commenti</h2>' in html
        assert shown_ids(html) == {top.pk, replies[0].pk}


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_a_permalink_to_a_reply_past_the_cap_opens_its_thread(client, post):
    top, replies = thread(post, 5)
    url = post.get_absolute_url()
    last = client.get(reverse("comments:permalink", kwargs={"pk": replies[-1].pk}))
    assert last.status_code == 302
    assert last["Location"] == f"{url}?thread={top.pk}#comment-{replies[-1].pk}"
    first = client.get(reverse("comments:permalink", kwargs={"pk": replies[0].pk}))
    assert first["Location"] == f"{url}#comment-{replies[0].pk}"
    # And the thread page has the anchor it names.
    assert f'id="comment-{replies[-1].pk}"' in client.get(last["Location"]).text


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_an_old_wordpress_anchor_to_a_reply_past_the_cap_lands_on_it(client, post):
    top = make_comment(post, wordpress_id=7001)
    replies = [make_comment(post, parent=top, wordpress_id=7002 + n) for n in range(5)]
    response = client.get(reverse("comments:wordpress-permalink", args=[7006]), follow=True)
    assert response.redirect_chain[-1][0] == (
        f"{post.get_absolute_url()}?thread={top.pk}#comment-{replies[-1].pk}"
    )
    assert f'id="comment-{replies[-1].pk}" data-wordpress-id="7006"' in response.text


@override_settings(COMMENTS_REPLIES_PER_THREAD=None)
def test_without_a_cap_every_reply_is_shown(client, post):
    top, replies = thread(post, 25)
    html = client.get(post.get_absolute_url()).text
    assert shown_ids(html) == {top.pk, *(reply.pk for reply in replies)}
    assert "comment-more-link" not in html


@override_settings(COMMENTS_REPLIES_PER_THREAD=CAP)
def test_a_reader_sees_their_own_held_reply_within_the_cap(client, post):
    top, replies = thread(post, 1)
    own = make_comment(post, parent=top, status=Comment.Status.PENDING)
    cookie = HttpResponse()
    remember_own_comment(cookie, own.pk)  # as the redirect after posting it did
    client.cookies.update(cookie.cookies)
    html = client.get(post.get_absolute_url()).text
    assert shown_ids(html) == {top.pk, replies[0].pk, own.pk}
    assert '<h2 id="comments-title">2 commenti</h2>' in html


def count_queries(client, url):
    client.get(url)  # warm up (sessions, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


@override_settings(COMMENTS_REPLIES_PER_THREAD=20)
def test_the_query_count_stays_the_same_with_a_long_thread(client, post, author):
    small = make_post(author=author)
    thread(small, 1)
    top, replies = thread(post, 60)
    expected, _ = count_queries(client, small.get_absolute_url())
    assert expected <= 6
    queries, html = count_queries(client, post.get_absolute_url())
    assert queries == expected
    assert len(shown_ids(html)) == 21
    assert "Mostra altre 40 risposte" in html
    queries, html = count_queries(client, f"{post.get_absolute_url()}?thread={top.pk}")
    assert queries == expected
    assert len(shown_ids(html)) == 61


@override_settings(COMMENTS_REPLIES_PER_THREAD=0)
def test_a_cap_below_one_fails_the_start_up_check():
    messages = " ".join(error.msg for error in app_settings_are_valid())
    assert "COMMENTS_REPLIES_PER_THREAD: must be at least 1, got 0" in messages


@pytest.mark.parametrize("own", [False, True], ids=["a stranger", "the held comments' writer"])
def test_a_cap_no_thread_reaches_shows_what_the_uncapped_query_shows(post, own):
    # The capped query is SQL written beside Comment.objects.shown_to() and visible(): with
    # a cap above every thread's length, both must give the same rows and the same count.
    from comments.threads import thread_page

    top, replies = thread(post, 3)
    deep = make_comment(post, parent=replies[0])
    make_comment(post, parent=deep)  # past COMMENTS_MAX_DEPTH: attached at the deepest level
    held = make_comment(post, status=Comment.Status.PENDING)
    make_comment(post, parent=held)  # approved under a held comment
    held_reply = make_comment(post, parent=top, status=Comment.Status.PENDING)
    make_comment(post, status=Comment.Status.SPAM)
    make_comment(post, parent=top, status=Comment.Status.TRASH)
    own_ids = frozenset({held.pk, held_reply.pk}) if own else frozenset()

    def flattened(page):
        def walk(comments):
            for comment in comments:
                yield comment.pk
                yield from walk(comment.children)

        return list(walk(page.threads)), page.approved_count

    with override_settings(COMMENTS_REPLIES_PER_THREAD=None):
        uncapped = flattened(thread_page(post, own_ids=own_ids))
    with override_settings(COMMENTS_REPLIES_PER_THREAD=50):
        capped = flattened(thread_page(post, own_ids=own_ids))
    assert capped == uncapped
    assert len(uncapped[0]) >= 6  # the thread, its deep replies, what the writer may see
    assert uncapped[1] == Comment.objects.for_post(post).visible().count()
