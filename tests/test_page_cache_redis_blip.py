"""A change made while Redis is unreachable still reaches every stored page once it is back.

A real Redis of the test's own (redis-server on a free port, never the shared one), frozen
with SIGSTOP while the change is made, so that it comes back with every page it held, as a
Redis that was unreachable for a while does.
"""

import shutil
import signal
import socket
import subprocess
import time
import uuid

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from blogsite import cacheepoch, pagecache
from blogsite.cache_backend import FailsafeRedisCache
from comments import services as comment_services
from comments.models import Comment
from posts.models import Post
from tests.comments.reader_helpers import make_comment

LAG = 10  # seconds: the promise (issue 20), as a deadline for polling, not a timing assert
PORTS = range(21700, 21800)  # this checkout's range


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port for a Redis of our own")


@pytest.fixture(scope="module")
def own_redis():
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server")
    port = _free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],  # fmt: skip
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield server, port
    server.send_signal(signal.SIGCONT)
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, own_redis):
    server, port = own_redis
    settings.CACHES = {
        "default": {
            "BACKEND": "blogsite.cache_backend.FailsafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": f"blip-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_EPOCH_CHECK_SECONDS = 1
    FailsafeRedisCache._down_until = 0.0
    cacheepoch.forget_known()
    yield server
    server.send_signal(signal.SIGCONT)
    FailsafeRedisCache._down_until = 0.0
    cacheepoch.forget_known()


def _while_redis_is_frozen(server, change):
    server.send_signal(signal.SIGSTOP)
    try:
        # The first call times out (what it sent runs when Redis wakes up); every cache call
        # of the change that follows is skipped, never sent, as while Redis is unreachable.
        cache.get("probe")
        assert FailsafeRedisCache._down_until > time.monotonic()
        change()
    finally:
        server.send_signal(signal.SIGCONT)


def _as_another_app_server_that_read_the_epoch_before(epoch):
    """This process made the change and knows the new epoch at once; another app server
    still holds the one it read last, until its next check."""
    cacheepoch._known.update(value=epoch, checked_at=time.monotonic())
    FailsafeRedisCache._down_until = 0.0  # nor did it see Redis fail


def _first_page_without(path, text):
    deadline = time.monotonic() + LAG + 2
    while time.monotonic() < deadline:
        response = Client().get(path)
        if text not in response.content:
            return response
        time.sleep(0.2)
    return response


def test_a_comment_trashed_while_redis_was_frozen_leaves_the_page_once_it_is_back(
    redis_cache, post, rf, django_capture_on_commit_callbacks
):
    text = b"Da togliere durante il blip"
    comment = make_comment(post, status=Comment.Status.APPROVED, body=text.decode())
    url = post.get_absolute_url()
    Client().get(url)
    assert text in Client().get(url).content
    epoch_before = cacheepoch.current()

    def trash():
        with django_capture_on_commit_callbacks(execute=True):
            comment_services.moderate(comment=comment, status=Comment.Status.TRASH)

    _while_redis_is_frozen(redis_cache, trash)
    _as_another_app_server_that_read_the_epoch_before(epoch_before)
    # Redis came back with the page as it was stored before the change:
    assert text in cache.get(pagecache._entry_key(rf.get(url)))["content"]
    response = _first_page_without(url, text)
    assert response.status_code == 200
    assert text not in response.content
    assert text not in Client().get(url).content


def test_an_article_unpublished_while_redis_was_frozen_leaves_the_lists(
    redis_cache, post, django_capture_on_commit_callbacks
):
    index = reverse("posts:index")
    Client().get(index)
    assert post.title.encode() in Client().get(index).content
    epoch_before = cacheepoch.current()

    def unpublish():
        with django_capture_on_commit_callbacks(execute=True):
            post.status = Post.Status.DRAFT
            post.save()

    _while_redis_is_frozen(redis_cache, unpublish)
    _as_another_app_server_that_read_the_epoch_before(epoch_before)
    assert post.title.encode() not in _first_page_without(index, post.title.encode()).content
    assert Client().get(post.get_absolute_url()).status_code == 404


def test_with_redis_answering_a_stored_page_is_served_and_the_epoch_stays(redis_cache, post):
    url = post.get_absolute_url()
    epoch = cacheepoch.current()
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"
    make_comment(post, status=Comment.Status.PENDING)  # a held comment: no page changes
    assert cacheepoch.current() == epoch


def test_the_local_memory_cache_never_reads_the_epoch(settings, post, django_assert_num_queries):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cacheepoch.forget_known()
    Client().get(post.get_absolute_url())
    with django_assert_num_queries(0):
        assert Client().get(post.get_absolute_url())["X-Page-Cache"] == "hit"
