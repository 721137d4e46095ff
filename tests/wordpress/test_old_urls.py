"""Every public address of the old site answers 301 to the same content here."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.redirects.models import Redirect

from blogsite.slugs import ascii_slug
from posts.models import Post
from tests.conftest import make_post


def lands_on(client, old, title):
    """Follow one permanent redirect and return the page, checking its <h1> holds title."""
    first = client.get(old)
    assert first.status_code == 301, (old, first.status_code)
    page = client.get(first["Location"])
    assert page.status_code == 200, (old, first["Location"], page.status_code)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page.content.decode(), re.S)
    assert h1 and title in h1[1], (old, h1 and h1[1])
    return page


@pytest.mark.parametrize(
    ("old", "title"),
    [
        ("/2020/03/15/primo-articolo/", "Primo articolo"),  # /%year%/%monthnum%/%day%/%postname%/
        ("/blocchi-e-gallerie/", "Blocchi e gallerie"),  # /%postname%/
        ("/archives/15/", "Programmato nel passato"),  # /archives/%post_id%
        ("/archives/15", "Programmato nel passato"),
        ("/2020/05/01/%E6%97%A5%E6%9C%AC%E8%AA%9E/", "日本語のタイトル"),
        ("/?p=10", "Primo articolo"),
        ("/?page_id=21", "Il team"),
        ("/?cat=4", "Reclami"),
        ("/category/servizio-clienti/reclami/", "Reclami"),
        ("/category/reclami/", "Reclami"),
        ("/category/caff%C3%A8-e-te/", "Caffè e tè"),
        ("/author/mario/", "Mario"),
    ],
)
def test_old_addresses_land_on_a_page_with_the_old_title(client, imported, old, title):
    lands_on(client, old, title)


def test_old_search_addresses_land_on_our_search(client, imported):
    first = client.get("/?s=primo+articolo")
    assert first.status_code == 301
    assert first["Location"] == "/cerca/?q=primo+articolo"
    page = client.get(first["Location"])
    assert page.status_code == 200 and "Primo articolo" in page.content.decode()
    assert client.get("/?s=reclami&paged=2")["Location"] == "/cerca/?q=reclami&page=2"


def test_pages_are_served_at_their_old_path(client, imported):
    response = client.get("/chi-siamo/il-team/")
    assert response.status_code == 200
    assert "Il team" in response.content.decode()


def test_date_archives_and_feeds_redirect(client, imported):
    assert client.get("/2020/03/")["Location"] == "/archivio/2020/3/"
    assert client.get("/2020/")["Location"] == "/archivio/2020/"
    assert client.get("/2020/03/15/")["Location"] == "/archivio/2020/3/"
    feed = client.get("/feed/")
    assert feed.status_code == 301 and client.get(feed["Location"]).status_code == 200
    tag_feed = client.get("/tag/customer-experience/feed/")
    assert tag_feed.status_code == 301
    assert client.get(tag_feed["Location"]).status_code == 200


def test_an_old_path_that_one_of_ours_answers_is_reported_not_shadowed(client, imported):
    assert any(path == "/cerca/" for path, _what in imported.collisions)
    assert not Redirect.objects.filter(old_path="/cerca/").exists()
    assert client.get("/cerca/").status_code == 200  # still our search


def test_drafts_get_no_redirect_and_their_ids_no_answer(client, imported):
    draft = Post.objects.get(wordpress_id=12)
    assert draft.status == Post.Status.DRAFT
    assert not Redirect.objects.filter(new_path__contains=draft.slug).exists()
    assert client.get("/?p=12").status_code == 404  # as for an id nobody has, not the home page


def test_a_password_protected_post_s_old_address_and_id_still_answer(client, imported):
    assert Post.objects.get(wordpress_id=17).password == "segreta"
    for old in ("/2020/06/01/protetto/", "/?p=17"):
        page = lands_on(client, old, "Protetto da password").content.decode()
        assert 'id="password-form"' in page
        assert "Il testo di Protetto da password." not in page


def test_approved_comments_are_shown_and_pending_or_spam_ones_are_not(client, imported):
    html = lands_on(client, "/2020/03/15/primo-articolo/", "Primo articolo").content.decode()
    assert "Risposta al livello 1" in html
    assert "Commento in attesa di moderazione" not in html
    assert "Commento spam compra pillole" not in html
    assert "Commento nel cestino" not in html
    assert "javascript:" not in html


def test_old_comment_anchors_find_their_comment(client, imported):
    from comments.models import Comment

    comment = Comment.objects.get(wordpress_id=100)
    html = client.get("/2020/03/15/primo-articolo/", follow=True).content.decode()
    # The article marks each imported comment with its old id, for wordpress-anchors.js...
    assert f'id="comment-{comment.pk}" data-wordpress-id="100"' in html
    assert "js/wordpress-anchors.js" in html
    # ...which sends an anchor not on this page of comments to the comment's permalink.
    response = client.get("/comments/wordpress/100/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert client.get("/comments/wordpress/112/").status_code == 404  # spam stays hidden


@pytest.mark.parametrize(("old", "title"), [("/?p=10", "Primo articolo"), ("/?cat=4", "Reclami")])
def test_an_old_query_address_is_not_swallowed_by_the_english_home(client, imported, old, title):
    # A browser preferring English is sent from `/` to `/en/`, but not when `/` carries an
    # old WordPress address: that names one article, whatever the reader's language.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    lands_on(client, old, title)


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/2021/03/", "/2021/", "/?m=202103", "/2021/03/15/"])
def test_an_old_date_archive_leads_to_the_first_language_s_archive(client, author, old):
    # Italian and English articles in the same month: the blog's own language comes first
    # (it had sorted by language code, and "en" comes before "it").
    when = datetime(2021, 3, 15, 9, tzinfo=UTC)
    make_post(author=author, published_at=when, language="it")
    make_post(author=author, published_at=when, language="en")
    target = client.get(old)["Location"]
    assert target.startswith("/archivio/2021/"), target


def test_an_imported_japanese_article_keeps_its_old_address_and_gets_a_slug(client, imported):
    post = Post.objects.get(title="日本語のタイトル")
    assert post.slug == ascii_slug("日本語")
    first = client.get("/2020/05/01/%E6%97%A5%E6%9C%AC%E8%AA%9E/")
    assert first.status_code == 301 and first["Location"] == post.get_absolute_url()
