"""Index pages for tags, categories, authors and the archive, each in constant queries."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from posts.models import Post, Profile
from posts.services import create_category
from tests.conftest import make_post, make_tag, make_user

pytestmark = pytest.mark.django_db


def test_the_tag_index_lists_tags_with_visible_articles_and_their_counts(client, author):
    used, once, unused = make_tag(name="Resi"), make_tag(name="Consegne"), make_tag(name="Vuoto")
    make_post(author=author, tags=[used, once])
    make_post(author=author, tags=[used])
    make_post(author=author, tags=[unused], status=Post.Status.DRAFT, published_at=None)
    response = client.get("/tag/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Tutti i tag</h1>" in html
    assert f'href="{used.get_absolute_url()}"' in html
    assert "2 articoli" in html and "1 articolo" in html
    assert html.index("Consegne") < html.index("Resi")  # alphabetical
    assert unused.get_absolute_url() not in html  # a draft's tag has nothing to show


def test_the_tag_index_is_paginated(client, author):
    post = make_post(author=author)
    post.tags.set([make_tag(name=f"Tag {n:03}", slug=f"t-{n:03}") for n in range(70)])
    first = client.get("/tag/").text
    assert 'rel="next"' in first and "Pagina successiva" in first
    second = client.get("/tag/?page=2").text
    assert "Tag 069" in second and "Tag 069" not in first
    assert client.get("/tag/?page=9").status_code == 404


def test_the_category_index_shows_the_tree(client, author):
    parent = create_category(name="Servizio", slug="servizio", description="Tutto sul servizio")
    child = create_category(name="Reclami", slug="reclami", parent=parent)
    create_category(name="Vuota", slug="vuota")
    make_post(author=author).categories.set([child])
    html = client.get("/categorie/").text
    assert "<h1>Categorie</h1>" in html
    assert "Tutto sul servizio" in html
    # The child is nested in its parent's list item.
    start = html.index(parent.get_absolute_url())
    assert start < html.index(child.get_absolute_url()) < html.index("</li>", start + 200)
    assert "/categoria/vuota/" not in html


def test_the_author_index_lists_people_who_published_by_display_name(client):
    maria = make_user(username="mrossi", first_name="Maria", last_name="Rossi")
    Profile.objects.create(user=maria, display_name="Maria la redattrice")
    luca = make_user(username="lbianchi", first_name="Luca", last_name="Bianchi")
    drafter = make_user(username="bozzista", first_name="Solo", last_name="Bozze")
    make_user(username="lettore", first_name="Un", last_name="Lettore")
    make_post(author=maria)
    make_post(author=maria)
    make_post(author=luca)
    make_post(author=drafter, status=Post.Status.DRAFT, published_at=None)
    html = client.get("/autori/").text
    assert "<h1>Autori</h1>" in html
    assert "Maria la redattrice" in html and "Luca Bianchi" in html
    assert "/autori/mrossi/" in html
    assert "Solo Bozze" not in html and "Un Lettore" not in html
    assert "2 articoli" in html


def test_the_archive_index_lists_years_and_months_with_counts(client, author):
    make_post(author=author, published_at=datetime(2023, 11, 5, 12, tzinfo=UTC))
    make_post(author=author, published_at=datetime(2023, 11, 20, 12, tzinfo=UTC))
    make_post(author=author, published_at=datetime(2024, 2, 1, 12, tzinfo=UTC))
    make_post(author=author, published_at=timezone.now() + timedelta(days=3))  # scheduled
    html = client.get("/archivio/").text
    assert "<h1>Archivio</h1>" in html
    assert 'href="/archivio/2023/11/">novembre 2023</a>' in html
    assert 'href="/archivio/2024/2/">febbraio 2024</a>' in html
    assert 'href="/archivio/2023/"' in html
    assert html.index("2024") < html.index("2023")  # newest first
    assert "2 articoli" in html


def test_index_pages_are_in_english_under_en(client, author):
    make_post(author=author, tags=[make_tag(name="Returns")])
    assert "<h1>All tags</h1>" in client.get("/en/tags/").text
    assert "<h1>Archive</h1>" in client.get("/en/archive/").text


def test_detail_pages_link_back_to_their_index(client, author, tag):
    post = make_post(author=author, tags=[tag], published_at=datetime(2024, 2, 1, tzinfo=UTC))
    category = create_category(name="Servizio", slug="servizio")
    post.categories.set([category])
    assert 'href="/tag/"' in client.get(tag.get_absolute_url()).text
    assert 'href="/categorie/"' in client.get(category.get_absolute_url()).text
    assert 'href="/autori/"' in client.get("/autori/mrossi/").text
    assert 'href="/archivio/"' in client.get("/archivio/2024/").text
    assert 'href="/archivio/"' in client.get("/archivio/2024/2/").text


@pytest.mark.parametrize("url", ["/tag/", "/categorie/", "/autori/", "/archivio/"])
def test_index_pages_take_the_same_queries_for_few_or_many_rows(
    client, url, django_assert_num_queries
):
    def grow(n):
        for i in range(n):
            person = make_user()
            Profile.objects.create(user=person, display_name=f"Persona {i}")
            post = make_post(
                author=person, published_at=datetime(2020 + i % 4, 1 + i % 12, 3, tzinfo=UTC)
            )
            post.tags.set([make_tag()])
            post.categories.set([create_category(name=f"Cat {i}-{post.pk}")])

    grow(2)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    few_count = len(few.captured_queries)  # read now: later requests reset the query log
    grow(12)
    client.get(url)  # the writes made the footer's cached lists stale: this render reloads them
    with django_assert_num_queries(few_count):
        client.get(url)
