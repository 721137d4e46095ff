"""Password-protected articles and pages (posts.protection), as WordPress's visibility of
the same name: everyone sees the title and a password form; the password opens the text,
the comments and the reactions for that browser, until the password changes. Nothing of the
text reaches lists, feeds, search, the sitemap, e-mails or the page cache's shared copy."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from posts import protection
from posts.cookie_names import UNLOCKED_COOKIE
from posts.models import Page
from posts.services import create_page, create_page_translation, create_translation
from posts.subscriptions.letters import article_letter
from tests.comments.reader_helpers import form_data, make_comment, post_url
from tests.conftest import make_post
from wordpress.export import export_wxr

pytestmark = pytest.mark.django_db

ORIGIN = {"Origin": "http://testserver"}
SECRET_WORDS = "ilcodicedellasalariservata"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def protected(author, tag):
    post = make_post(
        author=author,
        tags=[tag],
        title="Il verbale della riunione",
        lead=f"Sommario riservato {SECRET_WORDS}.",
        body=f"Testo riservato: {SECRET_WORDS}.",
        password="apriti sesamo",
    )
    make_comment(post, body="Un commento riservato anche lui.")
    return post


def unlock(client, item, password, **headers):
    return client.post(
        reverse("posts:unlock"),
        {"item": protection.item_key(item), "password": password},
        headers={**ORIGIN, **headers},
    )


def test_a_stranger_sees_the_title_and_the_form_and_the_page_is_stored_for_everyone(
    client, protected
):
    first = client.get(protected.get_absolute_url())
    page = first.content.decode()
    assert first.status_code == 200
    assert "Il verbale della riunione" in page
    assert 'id="password-form"' in page and 'name="password"' in page
    assert f'value="post:{protected.pk}"' in page
    assert SECRET_WORDS not in page  # neither the text nor the lead, nor in the meta tags
    assert "Un commento riservato" not in page
    assert 'id="respond"' not in page and 'class="reactions"' not in page
    assert "Non c'è alcun riassunto perché questo è un articolo protetto." in page  # og, JSON-LD
    assert Client().get(protected.get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_password_opens_the_text_comments_and_reactions_for_that_browser_only(
    client, protected
):
    Client().get(protected.get_absolute_url())  # the shared copy, locked, is stored
    answer = unlock(client, protected, "apriti sesamo")
    assert answer.status_code == 303
    assert answer["Location"] == protected.get_absolute_url()
    assert UNLOCKED_COOKIE in answer.cookies
    assert answer.cookies[UNLOCKED_COOKIE]["httponly"]

    opened = client.get(protected.get_absolute_url())
    page = opened.content.decode()
    assert "X-Page-Cache" not in opened  # never the shared copy, never stored
    assert opened["Cache-Control"] == "private, no-cache"
    assert f"Testo riservato: {SECRET_WORDS}." in page
    assert "Un commento riservato anche lui." in page
    assert 'id="respond"' in page and 'class="reactions"' in page
    assert 'id="password-form"' not in page

    stranger = Client().get(protected.get_absolute_url())
    assert stranger["X-Page-Cache"] == "hit"
    assert SECRET_WORDS not in stranger.content.decode()


def test_a_wrong_password_goes_back_to_the_form_with_a_message(client, protected):
    answer = unlock(client, protected, "apriti")
    assert answer.status_code == 303
    assert answer["Location"] == f"{protected.get_absolute_url()}#password-form"
    assert UNLOCKED_COOKIE not in answer.cookies
    page = client.get(answer["Location"]).content.decode()
    assert "Non è la password: riprova." in page
    assert SECRET_WORDS not in page


def test_changing_the_password_locks_out_the_readers_who_had_the_old_one(client, protected):
    unlock(client, protected, "apriti sesamo")
    assert SECRET_WORDS in client.get(protected.get_absolute_url()).content.decode()
    protected.password = "parola nuova"
    protected.save()
    assert SECRET_WORDS not in client.get(protected.get_absolute_url()).content.decode()


def test_a_forged_or_copied_cookie_opens_nothing(client, protected, author):
    client.cookies[UNLOCKED_COOKIE] = f"post:{protected.pk}"
    assert SECRET_WORDS not in client.get(protected.get_absolute_url()).content.decode()
    other = make_post(author=author, title="Un altro", body=SECRET_WORDS, password="altra")
    unlock(client, protected, "apriti sesamo")  # a real cookie, for the first article
    assert SECRET_WORDS not in client.get(other.get_absolute_url()).content.decode()


def test_wrong_passwords_are_limited_per_address(client, protected, settings):
    settings.POSTS_UNLOCK_RATE = "3/h"
    for _ in range(3):
        assert unlock(client, protected, "no").status_code == 303
    refused = unlock(client, protected, "apriti sesamo")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert UNLOCKED_COOKIE not in refused.cookies
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert unlock(elsewhere, protected, "apriti sesamo").status_code == 303


def test_a_post_from_another_site_or_for_an_open_or_missing_item_is_refused(
    client, protected, post
):
    forged = Client(enforce_csrf_checks=True).post(
        reverse("posts:unlock"),
        {"item": protection.item_key(protected), "password": "apriti sesamo"},
        headers={"Origin": "https://elsewhere.example"},
    )
    assert forged.status_code == 403
    assert unlock(client, post, "").status_code == 404  # not protected
    missing = {"item": "post:999999", "password": "x"}
    assert client.post(reverse("posts:unlock"), missing, headers=ORIGIN).status_code == 404
    for odd in ("user:1", "post:²", f"post:{2**63}", "post:-1", "post", "", "page:1e3"):
        answer = client.post(
            reverse("posts:unlock"), {"item": odd, "password": "x"}, headers=ORIGIN
        )
        assert answer.status_code == 404, odd
    assert client.get(reverse("posts:unlock")).status_code == 405


def test_a_comment_needs_the_password_too(client, protected):
    before = Comment.objects.count()
    answer = client.post(post_url(protected), form_data(protected), headers=ORIGIN)
    assert answer.status_code == 302
    assert answer["Location"] == f"{protected.get_absolute_url()}#password-form"
    assert Comment.objects.count() == before
    unlock(client, protected, "apriti sesamo")
    client.post(post_url(protected), form_data(protected), headers=ORIGIN)
    assert Comment.objects.count() == before + 1


def test_lists_feeds_search_and_sitemap_show_the_title_and_nothing_of_the_text(
    client, protected, post
):
    for url in (
        reverse("posts:index"),
        reverse("posts:feed-rss"),
        reverse("posts:feed-atom"),
    ):
        content = client.get(url).content.decode()
        assert "Il verbale della riunione" in content, url
        assert SECRET_WORDS not in content, url
    found = client.get(reverse("posts:search"), {"q": SECRET_WORDS})
    assert list(found.context["object_list"]) == []
    by_title = client.get(reverse("posts:search"), {"q": "verbale riunione"})
    assert list(by_title.context["object_list"]) == [protected]
    assert protected.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
    assert post.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_its_comments_stay_out_of_the_comment_feeds(client, protected, post):
    make_comment(post, body="Un commento pubblico.")
    latest = client.get(reverse("comments:feed-rss")).content.decode()
    assert "Un commento pubblico." in latest
    assert "Un commento riservato" not in latest
    own = reverse("comments:post-feed-rss", kwargs={"slug": protected.slug})
    assert client.get(own).status_code == 404
    assert b"comments:post-feed" not in client.get(protected.get_absolute_url()).content


def test_the_new_article_e_mail_carries_the_title_and_link_not_the_lead(protected):
    letter = article_letter(protected)
    assert "Il verbale della riunione" in letter.text
    assert protected.get_absolute_url() in letter.text
    assert SECRET_WORDS not in letter.text and SECRET_WORDS not in letter.html


def test_its_author_previews_it_whole(client, protected):
    client.force_login(protected.author)
    preview = client.get(reverse("posts:preview", kwargs={"pk": protected.pk}))
    assert SECRET_WORDS in preview.content.decode()


def test_a_protected_page_opens_the_same_way(client, author):
    page = create_page(
        title="Area soci",
        author=author,
        body=f"Solo per i soci: {SECRET_WORDS}.",
        status=Page.Status.PUBLISHED,
        password="soci2026",
    )
    locked = client.get(page.get_absolute_url()).content.decode()
    assert "Area soci" in locked and 'id="password-form"' in locked
    assert f'value="page:{page.pk}"' in locked
    assert SECRET_WORDS not in locked
    answer = unlock(client, page, "soci2026")
    assert answer.status_code == 303 and answer["Location"] == page.get_absolute_url()
    assert SECRET_WORDS in client.get(page.get_absolute_url()).content.decode()


def test_the_export_keeps_the_password_for_wordpress(protected):
    exported = "".join(export_wxr())
    assert "<wp:post_password><![CDATA[apriti sesamo]]></wp:post_password>" in exported


def test_editors_set_the_password_in_the_admin(client, protected, editor):
    client.force_login(editor)
    url = reverse("admin:posts_post_change", args=[protected.pk])
    assert 'name="password"' in client.get(url).content.decode()
    page_url = reverse("admin:posts_page_add")
    assert 'name="password"' in client.get(page_url).content.decode()
    listed = client.get(reverse("admin:posts_post_changelist")).content.decode()
    assert "Pubblicato, protetto da password" in listed


def test_a_translation_starts_behind_the_same_password(protected, author):
    assert create_translation(post=protected, language="en", author=author).password == (
        "apriti sesamo"
    )
    page = create_page(title="Area soci", author=author, body="x", password="soci2026")
    assert create_page_translation(page=page, language="en", author=author).password == (
        "soci2026"
    )
