"""sitemap.xml lists published articles, tags in use and the home page, in both languages."""

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import make_tag

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_the_sitemap_lists_published_posts_tags_and_pages_on_the_canonical_site(
    client, settings, post, draft_post, scheduled_post, tag
):
    unused_tag = make_tag()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    site = settings.SITE_URL
    assert f"{site}/articoli/{post.slug}/" in locations
    # An Italian article without a translation has no English address.
    assert f"{site}/en/articles/{post.slug}/" not in locations
    assert f"{site}/tag/{tag.slug}/" in locations
    assert f"{site}/" in locations
    assert f"{site}/tag/{unused_tag.slug}/" not in locations
    assert all(f"/{hidden.slug}/" not in response.text for hidden in (draft_post, scheduled_post))
    languages = {link.get("hreflang") for link in root.findall("s:url/x:link", NS)}
    assert languages == {"it", "en", "x-default"}  # the home page exists in both


def test_the_sitemap_lives_outside_the_language_prefix(client):
    assert client.get("/en/sitemap.xml").status_code == 404
