"""Behind trusted proxies the client's address comes from X-Forwarded-For, and only then."""

import pytest

from comments.models import Comment
from tests.comments.reader_helpers import form_data, post_url

pytestmark = pytest.mark.django_db


def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, post, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client.post(post_url(post), form_data(post), HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert Comment.objects.get().ip_address == "127.0.0.1"


def test_behind_one_proxy_the_address_it_saw_is_the_clients(client, post, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(post_url(post), form_data(post), HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert Comment.objects.get().ip_address == "203.0.113.9"
