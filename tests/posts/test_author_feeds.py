"""Each author has an RSS and an Atom feed of their published articles, in each language."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from posts.feeds import FEED_SIZE
from posts.models import Post
from tests.conftest import make_post, make_user

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


@pytest.mark.parametrize(
    ("url", "version"),
    [("/autori/mrossi/feed/rss/", "rss20"), ("/autori/mrossi/feed/atom/", "atom10")],
)
def test_an_author_feed_lists_only_their_published_articles_newest_first(
    client, settings, author, url, version
):
    newer = make_post(author=author, published_at=days_ago(1))
    older = make_post(author=author, published_at=days_ago(3))
    make_post(author=author, status=Post.Status.DRAFT, published_at=None)
    make_post(author=author, published_at=timezone.now() + timedelta(days=1))
    make_post(author=make_user(), published_at=days_ago(2))
    make_post(author=author, language="en", published_at=days_ago(2))

    response = client.get(url)

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == version
    assert "Maria Rossi" in feed.feed.title
    assert feed.feed.link == f"{settings.SITE_URL}/autori/mrossi/"
    assert [entry.link for entry in feed.entries] == [
        f"{settings.SITE_URL}/articoli/{newer.slug}/",
        f"{settings.SITE_URL}/articoli/{older.slug}/",
    ]
    assert feed.entries[0].summary == newer.excerpt


def test_the_english_author_feed_lists_the_english_articles_in_english(client, author):
    make_post(author=author, published_at=days_ago(2))
    english = make_post(author=author, language="en", slug="in-english")

    feed = feedparser.parse(client.get("/en/authors/mrossi/feed/rss/").content)

    assert [entry.link.rsplit("/", 2)[-2] for entry in feed.entries] == [english.slug]
    assert feed.feed.description == "The newest articles by Maria Rossi."
    assert feed.feed.link.endswith("/en/authors/mrossi/")


def test_the_italian_author_feed_speaks_italian(client, post):
    feed = feedparser.parse(client.get("/autori/mrossi/feed/rss/").content)
    assert feed.feed.description == "Gli articoli più recenti di Maria Rossi."


def test_an_author_feed_holds_as_many_articles_as_the_other_feeds(client, author):
    for n in range(FEED_SIZE + 2):
        make_post(author=author, published_at=days_ago(n + 1))
    feed = feedparser.parse(client.get("/autori/mrossi/feed/rss/").content)
    assert len(feed.entries) == FEED_SIZE


def test_no_feed_for_a_reader_or_an_author_without_articles_in_the_language(
    client, author, reader
):
    make_post(author=author, language="en")
    assert client.get("/autori/reader/feed/rss/").status_code == 404
    assert client.get("/autori/mrossi/feed/atom/").status_code == 404
    assert client.get("/en/authors/mrossi/feed/atom/").status_code == 200


def test_the_author_page_advertises_its_feeds(client, post):
    html = client.get("/autori/mrossi/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Articoli di Maria Rossi (RSS)" '
        'href="/autori/mrossi/feed/rss/">'
    ) in html
    assert 'type="application/atom+xml" title="Articoli di Maria Rossi (Atom)" ' in html
    assert 'href="/autori/mrossi/feed/atom/"' in html


def test_the_old_feed_address_under_our_author_page_leads_to_the_feed(client, post):
    response = client.get("/autori/mrossi/feed/")
    assert response.status_code == 301
    assert response["Location"] == "/autori/mrossi/feed/rss/"
