"""A page showing a reader's own data (remembered details, pending comment) is private."""

import pytest
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from blogsite.personal import make_private
from comments.models import Comment
from tests.comments.reader_helpers import post_comment
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """As in production: with the page cache off, blogsite.pagecache makes every page private."""
    settings.PAGE_CACHE_ENABLED = True


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_a_stranger_gets_the_article_without_a_private_header(client, post):
    response = client.get(post.get_absolute_url())
    assert "private" not in directives(response)


def test_remembered_details_make_the_article_private(client, post):
    post_comment(client, post, remember="on")
    response = client.get(post.get_absolute_url())
    assert 'value="Giulia Bianchi"' in response.text
    assert {"private", "no-cache"} <= directives(response)
    assert "Cookie" in response["Vary"]


def test_a_readers_own_pending_comment_makes_the_article_private(client, post, settings):
    settings.COMMENTS_HOLD_ALL = True
    post_comment(client, post, body="Il mio commento in attesa")
    assert Comment.objects.get().status == Comment.Status.PENDING
    response = client.get(post.get_absolute_url())
    assert "Il mio commento in attesa" in response.text
    assert "private" in directives(response)
    # Another reader, without the cookie, neither sees it nor gets a private page.
    client.cookies.clear()
    response = client.get(post.get_absolute_url())
    assert "Il mio commento in attesa" not in response.text
    assert "private" not in directives(response)


def test_a_signed_in_readers_pages_are_private(client, post):
    client.force_login(make_user())
    assert "private" in directives(client.get("/"))


def test_make_private_overrides_a_public_max_age():
    response = HttpResponse()
    patch_cache_control(response, public=True, max_age=600)
    make_private(response)
    assert directives(response) == {"private", "no-cache", "max-age=0"}
