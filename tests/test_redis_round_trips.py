"""On Redis, a cached page costs one round trip, and an uncached anonymous read one to read
and one to store the page (issue 19: several app servers, each hop counted).

Counted on the wire: every request redis-py sends on a real connection (a pipeline of
several commands is one), with the command names it carries. Runs where the suite runs
with REDIS_URL set (as .ci/run does); skipped otherwise.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from blogsite import pagecache
from blogsite.cache_backend import FailsafeRedisCache
from tests.comments.reader_helpers import make_comment
from tests.conftest import make_post

COMMAND = re.compile(rb"\*\d+\r\n\$\d+\r\n([A-Za-z]+)\r\n")


@pytest.fixture(autouse=True)
def redis_page_cache(settings):
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (REDIS_URL), as in CI")
    settings.PAGE_CACHE_ENABLED = True
    FailsafeRedisCache._down_until = 0.0
    FailsafeRedisCache._scripts_refused = False
    cache.clear()
    yield
    cache.clear()
    FailsafeRedisCache._scripts_refused = False


@pytest.fixture
def wire(monkeypatch):
    """The round trips sent from now on, each as the list of its commands' names."""
    from redis.connection import Connection

    sent = []
    original = Connection.send_packed_command

    def counting(self, command, *args, **kwargs):
        chunks = command if isinstance(command, list | tuple) else [command]
        packed = b"".join(bytes(chunk) for chunk in chunks)
        sent.append([name.decode().upper() for name in COMMAND.findall(packed)])
        return original(self, command, *args, **kwargs)

    monkeypatch.setattr(Connection, "send_packed_command", counting)
    return sent


def anonymous_get(url):
    return Client().get(url)


@pytest.fixture
def pages(post, tag):
    make_post(title="Un altro articolo", tags=[tag])
    make_comment(post, body="Un commento approvato.")
    return {
        "article": post.get_absolute_url(),
        "home": reverse("posts:index"),
        "tag": tag.get_absolute_url(),
    }


@pytest.mark.parametrize("which", ["article", "home", "tag"])
def test_a_cached_page_costs_one_round_trip(pages, which, wire):
    assert anonymous_get(pages[which])["X-Page-Cache"] == "miss"
    wire.clear()
    response = anonymous_get(pages[which])
    assert response["X-Page-Cache"] == "hit"
    assert wire == [["EVAL"]]


@pytest.mark.parametrize("which", ["article", "home", "tag"])
def test_a_page_changed_since_stored_is_read_in_one_round_trip_and_stored_in_one(
    pages, which, post, wire
):
    anonymous_get(pages[which])
    make_comment(post, body="Un commento nuovo.")  # the article and every list are stale
    wire.clear()
    response = anonymous_get(pages[which])
    assert response["X-Page-Cache"] == "miss"
    if which == "article":
        assert b"Un commento nuovo." in response.content
    assert wire == [["EVAL"], ["SET", "SET"]]  # the lookup; the page and its read list


@pytest.mark.parametrize("which", ["article", "home", "tag"])
def test_an_expired_page_is_read_in_one_round_trip_and_stored_in_one(pages, which, wire):
    anonymous_get(pages[which])
    cache.delete_many(_entry_keys())  # gone as at the end of its timeout
    wire.clear()
    assert anonymous_get(pages[which])["X-Page-Cache"] == "miss"
    assert wire == [["EVAL"], ["SET", "SET"]]
    wire.clear()
    assert anonymous_get(pages[which])["X-Page-Cache"] == "hit"
    assert wire == [["EVAL"]]


def test_a_page_whose_read_list_is_gone_still_checks_its_generations(pages, post, wire):
    anonymous_get(pages["article"])
    _client().delete(*_redis_keys(pagecache.READS_PREFIX))
    wire.clear()
    assert anonymous_get(pages["article"])["X-Page-Cache"] == "hit"
    assert wire == [["EVAL"], ["MGET"]]  # as before the read list: the entry, its generations
    make_comment(post, body="Dopo la perdita della lista.")
    response = anonymous_get(pages["article"])
    assert response["X-Page-Cache"] == "miss"
    assert b"Dopo la perdita della lista." in response.content


def _client():
    return cache._cache.get_client(write=True)


def _redis_keys(prefix):
    return _client().keys(cache.make_and_validate_key(prefix) + "*")


def _entry_keys():
    full_prefix = cache.make_and_validate_key(pagecache.ENTRY_PREFIX)
    return [
        pagecache.ENTRY_PREFIX + key.decode().removeprefix(full_prefix)
        for key in _redis_keys(pagecache.ENTRY_PREFIX)
    ]


def test_a_redis_refusing_scripts_gets_the_entry_then_its_generations(
    pages, post, wire, monkeypatch, caplog
):
    from redis import Redis
    from redis.exceptions import ResponseError

    def refused(self, *args):  # as a Redis whose ACL denies EVAL answers
        raise ResponseError("NOPERM this user has no permissions to run the 'eval' command")

    monkeypatch.setattr(Redis, "eval", refused)
    assert anonymous_get(pages["article"])["X-Page-Cache"] == "miss"
    wire.clear()
    assert anonymous_get(pages["article"])["X-Page-Cache"] == "hit"
    assert wire == [["GET"], ["MGET"]]
    assert "refused the page cache's lookup script" in caplog.text
    assert FailsafeRedisCache._down_until == 0.0  # the cache itself carries on
    make_comment(post, body="Senza script.")
    assert b"Senza script." in anonymous_get(pages["article"]).content
