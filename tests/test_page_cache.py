"""The page cache: one copy for every anonymous reader, forgotten by the writes that change it."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from blogsite import pagecache
from comments import services as comment_services
from comments.models import Comment
from posts import services as post_services
from posts.reactions.models import Reaction
from tests.comments.reader_helpers import form_data, make_comment, post_url
from tests.conftest import make_post, make_tag


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_a_second_anonymous_read_is_served_from_the_cache_with_the_same_html(client, post):
    first = client.get(post.get_absolute_url())
    second = Client().get(post.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_the_stored_page_carries_no_csrf_token_and_sets_no_cookie(client, post):
    response = client.get(post.get_absolute_url())
    assert not response.cookies
    assert b'name="csrfmiddlewaretoken" value=""' in response.content
    assert b'name="csrfmiddlewaretoken" value="' + b"x" not in response.content


def test_public_pages_say_how_a_shared_cache_may_keep_them(client, post):
    response = client.get(post.get_absolute_url())
    assert response["Cache-Control"] == (
        "public, max-age=0, s-maxage=2, stale-while-revalidate=6, stale-if-error=86400"
    )
    assert "Cookie" in response["Vary"]
    assert response["ETag"] and response["Last-Modified"]


def test_a_conditional_request_for_an_unchanged_page_answers_304(client, post):
    etag = client.get(post.get_absolute_url())["ETag"]
    again = Client().get(post.get_absolute_url(), headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_a_reader_with_a_commenter_cookie_gets_a_private_page_with_a_token(client, post):
    client.post(post_url(post), form_data(post))
    assert "comments_mine" in client.cookies
    response = client.get(post.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"
    assert b"awaiting moderation" in response.content or b"in attesa di moderazione" in (
        response.content
    )
    assert b'name="csrfmiddlewaretoken" value=""' not in response.content


def test_a_signed_in_reader_never_gets_the_stored_copy(client, post, reader):
    Client().get(post.get_absolute_url())
    client.force_login(reader)
    response = client.get(post.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert reader.username.encode() in response.content


def test_approving_a_comment_shows_it_at_once_on_the_article_and_the_lists(client, post):
    client.get(post.get_absolute_url())
    client.get(reverse("posts:index"))
    comment = make_comment(post, status=Comment.Status.PENDING, body="Visibile dopo moderazione")
    assert b"Visibile dopo moderazione" not in Client().get(post.get_absolute_url()).content
    comment_services.moderate(comment=comment, status=Comment.Status.APPROVED)
    article = Client().get(post.get_absolute_url())
    assert article["X-Page-Cache"] == "miss"
    assert b"Visibile dopo moderazione" in article.content
    assert Client().get(reverse("posts:index"))["X-Page-Cache"] == "miss"


def test_removing_a_comment_hides_it_at_once(client, post):
    comment = make_comment(post, body="Da togliere")
    assert b"Da togliere" in client.get(post.get_absolute_url()).content
    comment_services.moderate(comment=comment, status=Comment.Status.TRASH)
    assert b"Da togliere" not in Client().get(post.get_absolute_url()).content


def test_editing_an_article_shows_the_new_text_at_once(client, post):
    client.get(post.get_absolute_url())
    post.title = "Un titolo tutto nuovo"
    post.save()
    assert b"Un titolo tutto nuovo" in Client().get(post.get_absolute_url()).content


def test_a_new_article_and_a_new_tag_reach_the_lists_at_once(client, post, author):
    client.get(reverse("posts:index"))
    make_post(author=author, title="Appena pubblicato", tags=[make_tag(name="nuovo")])
    assert b"Appena pubblicato" in Client().get(reverse("posts:index")).content


def test_a_page_expires_when_a_scheduled_article_comes_due(rf, client, post, scheduled_post):
    client.get(reverse("posts:index"))
    entry = cache.get(pagecache._entry_key(rf.get(reverse("posts:index"))))
    assert entry["expires_at"] == pytest.approx(scheduled_post.published_at.timestamp())


def test_a_vote_refreshes_the_counts_after_the_configured_lag(client, post, settings):
    settings.PAGE_CACHE_COUNTS_LAG = 0
    client.get(post.get_absolute_url())
    Reaction.objects.count()
    voter = Client()
    voter.post(
        reverse("reactions:react", kwargs={"pk": post.pk}),
        {"kind": "useful"},
        headers={"Origin": "http://testserver"},
    )
    assert Reaction.objects.count() == 1
    assert Client().get(post.get_absolute_url())["X-Page-Cache"] == "miss"


def test_search_is_not_stored(client, post):
    response = client.get(reverse("posts:search"), {"q": "reclami"})
    assert "X-Page-Cache" not in response


def test_services_used_by_the_admin_invalidate_too(client, author):
    post = post_services.create_post(
        author=author, title="Creato dal servizio", body="Testo.", status="published"
    )
    client.get(reverse("posts:index"))
    post.title = "Rinominato"
    post.save()
    assert b"Rinominato" in Client().get(reverse("posts:index")).content


def test_an_english_browser_is_still_sent_to_the_english_home_once_the_italian_is_stored(
    client, post
):
    client.get("/", headers={"Accept-Language": "it"})
    assert Client().get("/", headers={"Accept-Language": "it"})["X-Page-Cache"] == "hit"
    english = Client().get("/", headers={"Accept-Language": "en"})
    assert english.status_code == 302
    assert english["Location"].startswith("/en/")


def test_a_new_held_comment_leaves_the_stored_pages_alone(client, post):
    client.get(post.get_absolute_url())
    make_comment(post, status=Comment.Status.PENDING)
    assert Client().get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    make_comment(post, status=Comment.Status.APPROVED, body="Pubblicato subito")
    fresh = Client().get(post.get_absolute_url())
    assert fresh["X-Page-Cache"] == "miss"
    assert b"Pubblicato subito" in fresh.content


def test_a_hit_is_sent_compressed_once_stored_and_still_answers_304(post):
    import gzip

    url = post.get_absolute_url()
    plain = Client().get(url)
    compressed = Client().get(url, headers={"Accept-Encoding": "gzip, br"})
    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"] and "Cookie" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] == "W/" + plain["ETag"]
    again = Client().get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": compressed["ETag"]}
    )
    assert again.status_code == 304
    identity = Client().get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in identity and identity.content == plain.content


@pytest.mark.parametrize(
    "name",
    ["posts:tag-index", "posts:author-index", "posts:category-index", "posts:archive-index"],
)
def test_the_index_pages_are_stored_and_a_new_article_reaches_them_at_once(
    client, post, author, name
):
    assert client.get(reverse(name))["X-Page-Cache"] == "miss"
    assert Client().get(reverse(name))["X-Page-Cache"] == "hit"
    category = post_services.create_category(name="Reclami appena aperti")
    newer = make_post(author=author, title="Nuovo", tags=[make_tag(name="appena-arrivato")])
    newer.categories.add(category)
    fresh = Client().get(reverse(name))
    assert fresh["X-Page-Cache"] == "miss"
    if name == "posts:tag-index":
        assert b"appena-arrivato" in fresh.content
    if name == "posts:category-index":
        assert b"Reclami appena aperti" in fresh.content


def test_a_static_page_is_stored_and_an_edit_shows_at_once(client, author):
    page = post_services.create_page(
        title="Chi siamo", author=author, body="Siamo in tre.", status="published"
    )
    assert client.get(page.get_absolute_url())["X-Page-Cache"] == "miss"
    assert Client().get(page.get_absolute_url())["X-Page-Cache"] == "hit"
    page.body = "Siamo in quattro."
    post_services.save_page(page)
    fresh = Client().get(page.get_absolute_url())
    assert fresh["X-Page-Cache"] == "miss"
    assert b"Siamo in quattro." in fresh.content


def test_a_signed_in_reader_gets_the_index_private(client, post, reader):
    client.force_login(reader)
    response = client.get(reverse("posts:tag-index"))
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
