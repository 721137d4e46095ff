"""RSS and Atom feeds parse cleanly and hold only published articles."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from posts.models import Post
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/feed/rss/", "rss20"),
    ("/feed/atom/", "atom10"),
    ("/tag/servizio-clienti/feed/rss/", "rss20"),
    ("/tag/servizio-clienti/feed/atom/", "atom10"),
]


@pytest.fixture
def posts(author, tag):
    published = [
        make_post(author=author, tags=[tag], published_at=timezone.now() - timedelta(days=n))
        for n in (1, 2, 3)
    ]
    hidden = [
        make_post(author=author, tags=[tag], status=Post.Status.DRAFT, published_at=None),
        make_post(author=author, tags=[tag], published_at=timezone.now() + timedelta(days=1)),
    ]
    return published, hidden


@pytest.mark.parametrize(("url", "version"), FEEDS)
def test_a_feed_parses_without_error_and_lists_only_published_posts(
    client, settings, posts, url, version
):
    published, hidden = posts
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title
    assert feed.feed.link.startswith(settings.SITE_URL)
    expected = {f"{settings.SITE_URL}/articoli/{p.slug}/": p for p in published}
    assert [entry.link for entry in feed.entries] == list(expected)  # newest first
    for entry in feed.entries:
        post = expected[entry.link]
        assert entry.id == entry.link
        assert entry.title == post.title
        assert entry.published_parsed is not None
        assert entry.published_parsed[:6] == post.published_at.utctimetuple()[:6]
        assert entry.summary
    hidden_links = {f"/articoli/{p.slug}/" for p in hidden}
    assert not any(link in response.content.decode() for link in hidden_links)


def test_the_atom_feed_has_an_id_and_updated_date(client, posts):
    feed = feedparser.parse(client.get("/feed/atom/").content)
    assert feed.feed.id
    assert feed.feed.updated_parsed is not None
    for entry in feed.entries:
        assert entry.updated_parsed is not None
        assert entry.author


def test_a_tag_feed_leaves_out_posts_without_the_tag(client, posts, author):
    untagged = make_post(author=author)
    text = client.get("/tag/servizio-clienti/feed/rss/").content.decode()
    assert f"/articoli/{untagged.slug}/" not in text
    assert f"/articoli/{untagged.slug}/" in client.get("/feed/rss/").content.decode()


def test_the_feed_of_an_unknown_tag_is_not_found(client):
    assert client.get("/tag/nessuno/feed/atom/").status_code == 404


def test_feed_content_is_escaped(client, author):
    make_post(author=author, title="Resi <gratis> & veloci", lead="<script>alert(1)</script>")
    response = client.get("/feed/rss/")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.entries[0].title == "Resi <gratis> & veloci"
    assert b"<script>" not in response.content
