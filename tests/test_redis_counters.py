"""The Redis cache bumps page-cache generations in one round trip, through one shared client.

Runs where the suite runs with REDIS_URL set (as .ci/run does); skipped otherwise.
"""

import pytest
from django.conf import settings
from django.core.cache import cache

from blogsite import pagecache
from blogsite.cache_backend import FailsafeRedisCache


@pytest.fixture(autouse=True)
def redis_only():
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (REDIS_URL), as in CI")
    FailsafeRedisCache._down_until = 0.0
    cache.clear()
    yield
    cache.clear()


def round_trips(monkeypatch):
    from redis.connection import Connection

    sent = []
    original = Connection.send_packed_command

    def counting(self, *args, **kwargs):
        sent.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Connection, "send_packed_command", counting)
    return sent


def test_a_bump_of_two_scopes_is_one_round_trip_and_counts_from_one(monkeypatch):
    cache.set(pagecache.GENERATION_PREFIX + "votes", 7, timeout=None)
    sent = round_trips(monkeypatch)
    pagecache.bump("votes:12", "votes")
    assert len(sent) == 1
    assert pagecache.generation("votes:12") == 1  # missing: starts at 1
    assert pagecache.generation("votes") == 8
    key = cache.make_and_validate_key(pagecache.GENERATION_PREFIX + "votes:12")
    assert cache._cache.get_client().ttl(key) == -1  # never expires


def test_every_cache_call_reuses_one_client():
    backend = cache._cache
    assert backend.get_client(write=True) is backend.get_client(write=True)
    assert cache.get("missing") is None
    assert len(backend._clients) == 1


def test_a_window_counter_counts_in_one_round_trip_and_expires_with_its_window(monkeypatch):
    sent = round_trips(monkeypatch)
    assert [cache.incr_in_window("cap", 3600) for _ in range(3)] == [1, 2, 3]
    assert len(sent) == 3
    ttl = cache._cache.get_client().ttl(cache.make_and_validate_key("cap"))
    assert 3590 < ttl <= 3600  # set by the first call, not moved by the next ones


@pytest.mark.django_db
def test_a_first_vote_right_after_another_costs_one_round_trip_the_bump(monkeypatch, settings):
    from django.test import Client
    from django.urls import reverse

    from tests.conftest import make_post

    settings.REACTIONS_IP_HOURLY_LIMIT = 0
    post = make_post()
    url = reverse("reactions:react", kwargs={"pk": post.pk})
    origin = {"Origin": "http://testserver", "Accept": "application/json"}
    assert Client().post(url, {"kind": "useful"}, headers=origin).status_code == 200
    sent = round_trips(monkeypatch)
    response = Client().post(url, {"kind": "useful"}, headers=origin)
    assert response.json()["counts"]["useful"] == 2
    assert len(sent) == 1  # the kinds: this process's copy, checked a moment ago
