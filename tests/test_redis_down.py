"""With Redis unreachable, readers read and nothing is lost; limits degrade, loudly."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from blogsite.cache_backend import FailsafeRedisCache
from comments.models import Comment
from posts.reactions.models import Reaction
from tests.comments.reader_helpers import form_data, post_url

CLOSED_PORT = 18699  # in this checkout's port range; nothing listens there


@pytest.fixture(autouse=True)
def redis_down(settings):
    FailsafeRedisCache._down_until = 0.0
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "blogsite.cache_backend.FailsafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    yield
    FailsafeRedisCache._down_until = 0.0


def test_readers_still_read_articles_and_lists(client, post):
    assert client.get(post.get_absolute_url()).status_code == 200
    assert client.get(reverse("posts:index")).status_code == 200


def test_a_comment_is_saved_with_its_text_and_the_failure_is_logged(client, post, caplog):
    FailsafeRedisCache._down_until = 0.0  # the fixture's cache.clear() already noticed
    with caplog.at_level(logging.ERROR, logger="blogsite.cache"):
        response = client.post(post_url(post), form_data(post, body="Testo da non perdere."))
    assert response.status_code == 302
    assert Comment.objects.get(post=post).body == "Testo da non perdere."
    assert any("Redis cache unavailable" in record.message for record in caplog.records)


def test_a_vote_is_counted(client, post):
    response = client.post(reverse("reactions:react", kwargs={"pk": post.pk}), {"kind": "useful"})
    assert response.status_code == 302
    assert Reaction.objects.filter(post=post).count() == 1


def test_a_reader_can_sign_in(reader):
    from allauth.account.models import EmailAddress

    reader.email = reader.email or "reader@example.com"
    reader.set_password("una-password-lunga")
    reader.save()
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": reader.username, "password": "una-password-lunga"}
    )
    assert response.status_code == 302
    assert client.get(reverse("posts:index")).wsgi_request.user == reader
