"""Every list, feed and the sitemap of a language carries that language's articles only."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter

pytestmark = pytest.mark.django_db

ITALIAN = ("Rispondere ai reclami", "Solo in italiano")
ENGLISH = ("Answering complaints", "Only in English")


def listing_urls(site, prefix):
    post = site["it"] if prefix == "" else site["en"]
    tag = site["tag_it"] if prefix == "" else site["tag_en"]
    category = site["category_it"] if prefix == "" else site["category_en"]
    year, month = post.published_at.year, post.published_at.month
    search = "reclamo" if prefix == "" else "complaint"
    with translation.override(post.language):  # each language's own words
        return [
            f"{prefix}/",
            tag.get_absolute_url(),
            category.get_absolute_url(),
            reverse("posts:author-detail", args=[post.author.username]),
            reverse("posts:archive-year", args=[year]),
            reverse("posts:archive-month", args=[year, month]),
            reverse("posts:search") + f"?q={search}",
            reverse("reactions:most-appreciated"),
            f"{prefix}/feed/rss/",
            f"{prefix}/feed/atom/",
            f"{tag.get_absolute_url()}feed/rss/",
            f"{tag.get_absolute_url()}feed/atom/",
        ]


@pytest.fixture
def reacted(bilingual):
    kind = ReactionKind.objects.get(code="useful")
    for n, post in enumerate(bilingual[key] for key in ("it", "en", "it_only", "en_only")):
        cast_reaction(post=post, kind=kind, voter=anonymous_voter(f"reader-{n}"))
    return bilingual


@pytest.mark.parametrize(
    ("prefix", "shown", "hidden"), [("", ITALIAN, ENGLISH), ("/en", ENGLISH, ITALIAN)]
)
def test_every_listing_and_feed_shows_only_its_languages_articles(
    client, reacted, prefix, shown, hidden
):
    for url in listing_urls(reacted, prefix):
        with translation.override("it"):
            response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for title in shown:
            assert title in text, (url, title)
        for title in hidden:
            assert title not in text, (url, title)


def test_english_feeds_link_to_english_addresses_and_say_so(client, bilingual, settings):
    text = client.get("/en/feed/rss/").content.decode()
    assert "<language>en</language>" in text
    assert f"{settings.SITE_URL}/en/articles/answering-complaints/" in text
    assert "/articoli/rispondere-ai-reclami/" not in text


def test_a_tag_feed_of_the_other_language_is_not_found(client, bilingual):
    assert client.get("/en/tag/servizio-clienti/feed/rss/").status_code == 404
    assert client.get("/tag/customer-service/feed/atom/").status_code == 404


def test_the_sitemap_lists_each_article_at_its_own_languages_address(client, bilingual, settings):
    site = settings.SITE_URL
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in root.findall("s:url/s:loc", ns)}
    assert f"{site}/articoli/rispondere-ai-reclami/" in locations
    assert f"{site}/en/articles/answering-complaints/" in locations
    assert f"{site}/en/articles/only-in-english/" in locations
    assert f"{site}/tag/servizio-clienti/" in locations
    assert f"{site}/en/tag/customer-service/" in locations
    for wrong in ("/en/articles/rispondere-ai-reclami/", "/articoli/answering-complaints/",
                  "/en/articles/solo-in-italiano/", "/articoli/only-in-english/",
                  "/en/tag/servizio-clienti/", "/tag/customer-service/"):  # fmt: skip
        assert f"{site}{wrong}" not in locations


def test_an_italian_address_under_the_english_prefix_leads_to_the_italian_article(
    client, bilingual
):
    # The English words first (301), then the article's own language (302).
    response = client.get("/en/articoli/solo-in-italiano/")
    assert response.status_code == 301
    assert response["Location"] == "/en/articles/solo-in-italiano/"
    response = client.get("/en/articles/solo-in-italiano/")
    assert response.status_code == 302
    assert response["Location"] == "/articoli/solo-in-italiano/"
    response = client.get("/articoli/only-in-english/")
    assert response.status_code == 302
    assert response["Location"] == "/en/articles/only-in-english/"
    # A tag with a translation in the address's language: that one, which the reader asked for.
    assert client.get("/en/tag/servizio-clienti/")["Location"] == "/en/tag/customer-service/"


def test_a_slug_used_in_both_languages_shows_each_languages_own_article(client, author):
    from tests.conftest import make_post

    make_post(author=author, slug="newsletter", title="La newsletter")
    make_post(author=author, slug="newsletter", title="The newsletter", language="en")
    assert "La newsletter" in client.get("/articoli/newsletter/").text
    assert "The newsletter" in client.get("/en/articles/newsletter/").text


def test_the_article_page_links_neighbours_and_related_articles_of_its_language(client, bilingual):
    text = client.get(bilingual["en"].get_absolute_url()).text
    assert "Only in English" in text
    assert "Solo in italiano" not in text
