import socket

import pytest
from django.utils import timezone

from comments import services
from comments.models import Comment

from .akismet_server import VALID_KEY, AkismetServer


@pytest.fixture
def akismet_server():
    server = AkismetServer().start()
    yield server
    server.stop()


@pytest.fixture
def akismet(settings, akismet_server):
    """Akismet switched on and pointed at the local server."""
    settings.AKISMET_API_KEY = VALID_KEY
    settings.AKISMET_BLOG_URL = "https://blog.example.com"
    settings.AKISMET_API_URL = akismet_server.url
    settings.AKISMET_TIMEOUT = 0.5
    return akismet_server


@pytest.fixture
def closed_port():
    """A local port nobody listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_comment(post, **overrides):
    fields = {
        "post": post,
        "author_name": "Lucia",
        "author_email": "lucia@example.com",
        "body": "Grazie, articolo molto utile per il nostro servizio clienti.",
        "submitted_at": timezone.now(),
        "ip_address": "203.0.113.7",
        "user_agent": "Mozilla/5.0",
        "status": Comment.Status.PENDING,
    }
    fields.update(overrides)
    return services.create_comment(**fields)


@pytest.fixture(autouse=True)
def fresh_classifier_cache():
    """Each test's database starts without a model row; so must the in-process copy."""
    from comments.spam import store

    store.forget_cache()
    yield
    store.forget_cache()
