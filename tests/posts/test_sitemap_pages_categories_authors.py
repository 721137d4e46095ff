"""sitemap.xml lists published pages, categories and authors with published articles, each at
its language's address with a lastmod, in a number of queries that does not grow with them."""

import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from posts.models import Page, Post
from posts.services import create_category
from tests.conftest import make_page, make_post, make_user

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(client):
    """location -> (lastmod, {hreflang: alternate}) of every <url> in the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    found = {}
    for url in ET.fromstring(response.content).findall("s:url", NS):
        lastmod = url.findtext("s:lastmod", namespaces=NS)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        found[url.findtext("s:loc", namespaces=NS)] = (lastmod, alternates)
    return found


def published_page(**overrides):
    return make_page(
        **{"body": "Siamo noi.", "published_at": datetime(2024, 5, 6, tzinfo=UTC), **overrides}
    )


def test_published_pages_are_listed_and_drafts_and_protected_ones_are_not(client, settings):
    about = published_page(slug="chi-siamo", wordpress_id=7)
    published_page(title="Il team", slug="il-team", parent=about)
    published_page(title="About", slug="about", language="en")
    published_page(title="Bozza", slug="bozza", status=Page.Status.DRAFT, published_at=None)
    published_page(title="Riservata", slug="riservata", password="segreto")

    found = entries(client)

    site = settings.SITE_URL
    assert f"{site}/chi-siamo/" in found
    assert f"{site}/chi-siamo/il-team/" in found
    assert f"{site}/en/about/" in found
    assert not [loc for loc in found if "bozza" in loc or "riservata" in loc]
    assert found[f"{site}/chi-siamo/"][0] == about.updated_at.date().isoformat()


def test_categories_with_published_articles_are_listed_at_their_language_s_address(
    client, settings, author
):
    used = create_category(name="Reclami", slug="reclami")
    english = create_category(name="Complaints", slug="complaints", language="en")
    only_drafts = create_category(name="Bozze", slug="bozze")
    create_category(name="Vuota", slug="vuota")
    old = datetime(2023, 2, 3, tzinfo=UTC)
    article = make_post(author=author, published_at=old)
    article.categories.set([used])
    Post.objects.filter(pk=article.pk).update(updated_at=old)
    make_post(author=author, language="en").categories.set([english])
    make_post(author=author, status=Post.Status.DRAFT, published_at=None).categories.set(
        [used, only_drafts]
    )

    found = entries(client)

    site = settings.SITE_URL
    # The draft's later edit is no change of the category's page.
    assert found[f"{site}/categoria/reclami/"][0] == "2023-02-03"
    assert f"{site}/en/category/complaints/" in found
    assert not [loc for loc in found if "/bozze/" in loc or "/vuota/" in loc]


def test_authors_are_listed_in_each_language_they_published_in(client, settings, author):
    newest = datetime(2024, 9, 10, tzinfo=UTC)
    article = make_post(author=author, published_at=newest - timedelta(days=30))
    english = make_post(author=author, language="en", published_at=newest - timedelta(days=60))
    Post.objects.filter(pk=article.pk).update(updated_at=newest)
    Post.objects.filter(pk=english.pk).update(updated_at=newest - timedelta(days=60))
    make_post(author=make_user(username="bozzista"), status=Post.Status.DRAFT, published_at=None)
    make_user(username="lettrice")

    found = entries(client)

    site = settings.SITE_URL
    lastmod, alternates = found[f"{site}/autori/mrossi/"]
    assert lastmod == "2024-09-10"
    assert alternates["it"] == f"{site}/autori/mrossi/"
    assert alternates["en"] == f"{site}/en/authors/mrossi/"
    assert f"{site}/en/authors/mrossi/" in found
    assert not [loc for loc in found if "bozzista" in loc or "lettrice" in loc]


def test_the_sitemap_takes_the_same_queries_for_few_or_many_items(client):
    def grow(n):
        for _ in range(n):
            name = uuid.uuid4().hex[:8]
            person = make_user()
            category = create_category(name=f"Cat {name}")
            for language in ("it", "en"):
                make_post(
                    author=person, language=language, published_at=timezone.now()
                ).categories.set([category] if language == "it" else [])
            published_page(title=f"Pagina {name}", author=person)

    grow(2)
    client.get("/sitemap.xml")  # the current Site, read once per process
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    grow(10)
    with CaptureQueriesContext(connection) as many:
        client.get("/sitemap.xml")
    assert len(many.captured_queries) == len(few.captured_queries) <= 7
    found = entries(client)
    assert len([loc for loc in found if "/autori/" in loc]) == 12
    assert len([loc for loc in found if "/categoria/" in loc]) == 12
    assert len([loc for loc in found if "/pagina-" in loc]) == 12
