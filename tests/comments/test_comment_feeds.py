"""RSS and Atom feeds of approved comments, site-wide and per article."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from comments.models import Comment
from posts.models import Post
from tests.comments.reader_helpers import make_comment
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

FEEDS = ["/comments/feed/rss/", "/comments/feed/atom/"]


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    return response, feed


def assert_entries_are_complete(feed):
    assert feed.feed.get("id") or feed.feed.get("link")
    for entry in feed.entries:
        assert entry.id.startswith("http")
        assert entry.link.startswith("http")
        assert entry.published_parsed or entry.updated_parsed


@pytest.mark.parametrize("url", FEEDS)
def test_the_site_feed_has_approved_comments_only(client, post, url):
    approved = make_comment(post, body="Un commento approvato")
    for status in (Comment.Status.PENDING, Comment.Status.SPAM, Comment.Status.TRASH):
        make_comment(post, status=status, body=f"Nascosto {status}")
    make_comment(post, body="Un pingback", kind=Comment.Kind.PINGBACK)
    draft = make_post(author=post.author, status=Post.Status.DRAFT, published_at=None)
    make_comment(draft, body="Su una bozza")
    response, feed = parsed(client, url)
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.link.endswith(approved.get_absolute_url())
    assert "Un commento approvato" in entry.summary
    assert "Nascosto" not in response.text and "bozza" not in response.text
    assert_entries_are_complete(feed)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_article_feed_has_only_its_approved_comments_newest_first(client, post, kind):
    other = make_post(author=post.author)
    old = make_comment(post, body="Il primo", submitted_at=timezone.now() - timedelta(days=2))
    new = make_comment(post, body="Il secondo", submitted_at=timezone.now() - timedelta(hours=1))
    make_comment(post, body="In attesa", status=Comment.Status.PENDING)
    make_comment(other, body="Altrove")
    _response, feed = parsed(client, f"/comments/feed/{post.slug}/{kind}/")
    assert [e.link.rsplit("/comments/", 1)[1] for e in feed.entries] == [
        f"{new.pk}/",
        f"{old.pk}/",
    ]
    assert post.title in feed.feed.title
    assert_entries_are_complete(feed)


def test_a_draft_has_no_comment_feed(client, draft_post):
    assert client.get(f"/comments/feed/{draft_post.slug}/rss/").status_code == 404


def test_the_article_page_links_its_comment_feeds(client, post):
    html = client.get(post.get_absolute_url()).text
    head = html[: html.index("</head>")]
    assert f'type="application/rss+xml" title="Commenti a “{post.title}” (RSS)"' in head
    assert f'href="/comments/feed/{post.slug}/rss/"' in head
    assert f'href="/comments/feed/{post.slug}/atom/"' in head


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_comment_feed_is_titled_with_the_blog_s_own_name(client, post, prefix):
    _response, articles = parsed(client, f"{prefix}/feed/rss/")
    _response, comments = parsed(client, f"{prefix}/comments/feed/rss/")
    assert comments.feed.title.startswith(articles.feed.title + ": ")
