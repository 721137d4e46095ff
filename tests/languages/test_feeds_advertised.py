"""Feed readers find the feeds: every page names the site's article and comment feeds, an
article page its own comment feeds, in the page's language, each once and each answering."""

import re

import feedparser
import pytest

from tests.comments.reader_helpers import make_comment

pytestmark = pytest.mark.django_db


def advertised(text):
    head = text.split("</head>")[0]
    return re.findall(
        r'<link rel="alternate" type="application/(rss|atom)\+xml" [^>]*href="([^"]+)"', head
    )


def answers_with_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, url
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_names_the_sites_article_and_comment_feeds(client, bilingual, language):
    post = bilingual[language]
    make_comment(post, author_name="Lucia", body="Utile, grazie.")
    home = "/" if language == "it" else "/en/"
    prefix = "" if language == "it" else "/en"
    site_feeds = [
        ("rss", f"{prefix}/feed/rss/"),
        ("atom", f"{prefix}/feed/atom/"),
        ("rss", f"{prefix}/comments/feed/rss/"),
        ("atom", f"{prefix}/comments/feed/atom/"),
    ]
    assert advertised(client.get(home).text) == site_feeds
    for _kind, url in site_feeds[2:]:
        assert answers_with_entries(client, url), url  # the comment is there


@pytest.mark.parametrize("language", ["it", "en"])
def test_an_article_page_also_names_its_own_comment_feeds(client, bilingual, language):
    post = bilingual[language]
    make_comment(post, author_name="Lucia", body="Utile, grazie.")
    other = bilingual["en" if language == "it" else "it"]
    make_comment(other, author_name="Piero", body="Altro articolo.")
    links = advertised(client.get(post.get_absolute_url()).text)
    prefix = "" if language == "it" else "/en"
    own = [
        ("rss", f"{prefix}/comments/feed/{post.slug}/rss/"),
        ("atom", f"{prefix}/comments/feed/{post.slug}/atom/"),
    ]
    assert links[-2:] == own
    assert len(links) == len(set(links)) == 6  # the site's four, then its own two
    for _kind, url in own:
        titles = answers_with_entries(client, url)
        assert len(titles) == 1 and "Lucia" in titles[0]
