"""A published article whose address changes keeps answering at the old one, as WordPress's
old slugs do; drafts and scheduled articles leave nothing behind, and no chains form."""

import pytest
from django.contrib.redirects.models import Redirect
from django.db import connection
from django.test.utils import CaptureQueriesContext

from posts.models import Post
from posts.services import create_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(author):
    return create_post(
        title="Resi facili", author=author, body="Testo.", status=Post.Status.PUBLISHED
    )


def test_a_new_slug_leaves_a_permanent_redirect_behind(client, article):
    article = Post.objects.get(pk=article.pk)
    article.slug = "resi-senza-pensieri"
    article.save()
    first = client.get("/articoli/resi-facili/")
    assert first.status_code == 301
    assert first["Location"] == "/articoli/resi-senza-pensieri/"
    assert client.get(first["Location"]).status_code == 200


def test_moving_again_and_back_leaves_no_chain_and_no_loop(client, article):
    for slug in ("seconda", "terza", "resi-facili"):
        article = Post.objects.get(pk=article.pk)
        article.slug = slug
        article.save()
    assert client.get("/articoli/resi-facili/").status_code == 200
    for old in ("/articoli/seconda/", "/articoli/terza/"):
        first = client.get(old)
        assert first.status_code == 301 and first["Location"] == "/articoli/resi-facili/"
    assert not Redirect.objects.filter(old_path="/articoli/resi-facili/").exists()


def test_a_translation_moved_to_english_answers_at_its_italian_address(client, article):
    article = Post.objects.get(pk=article.pk)
    article.language = "en"
    article.slug = "easy-returns"
    article.save()
    first = client.get("/articoli/resi-facili/")
    assert first.status_code == 301 and first["Location"] == "/en/articles/easy-returns/"


def test_drafts_leave_nothing_behind(author):
    draft = create_post(title="Bozza", author=author, body="x")
    draft = Post.objects.get(pk=draft.pk)
    draft.slug = "bozza-due"
    draft.save()
    assert not Redirect.objects.exists()


def test_an_article_taken_down_is_not_redirected(client, article):
    article = Post.objects.get(pk=article.pk)
    article.slug = "altro"
    article.status = Post.Status.DRAFT
    article.save()
    assert not Redirect.objects.exists()
    assert client.get("/articoli/resi-facili/").status_code == 404


def test_an_unchanged_save_costs_no_query_for_the_address(article, django_assert_num_queries):
    article = Post.objects.get(pk=article.pk)
    article.title = "Resi facilissimi"
    with django_assert_num_queries(1):  # the UPDATE alone
        article.save(derive=False)
    assert not Redirect.objects.exists()


def test_a_row_read_in_part_saves_as_before(article):
    partial = Post.objects.only("pk", "title").get(pk=article.pk)
    partial.title = "Resi facilissimi"
    with CaptureQueriesContext(connection) as queries:
        partial.save(update_fields=["title"])
    # The save reads what rendering the body needs, as before; the address is not read.
    assert not [q for q in queries.captured_queries if '"slug"' in q["sql"]]
    assert Post.objects.get(pk=article.pk).title == "Resi facilissimi"
    assert not Redirect.objects.exists()


def test_an_address_too_long_to_store_moves_without_a_redirect(client, author, caplog):
    long = create_post(title="Resi " * 39, author=author, body="x", status=Post.Status.PUBLISHED)
    long = Post.objects.get(pk=long.pk)
    assert len(long.get_absolute_url()) > 200
    long.slug = "resi-brevi"
    long.save()  # PostgreSQL refused the redirect row, and with it the whole save
    assert Post.objects.get(pk=long.pk).slug == "resi-brevi"
    assert not Redirect.objects.exists()
    assert "too long to store" in caplog.text
