"""Subscribers made through the services, and helpers to read the e-mails they get."""

import itertools
import re

import pytest
from django.core import mail

from posts.subscriptions import services
from posts.subscriptions.models import Subscription

_counter = itertools.count(1)


def make_subscriber(*, email=None, language="it", frequency="each", confirm=True):
    """A subscriber as the public form and the confirmation link make one."""
    email = email or f"lettore{next(_counter)}@example.com"
    subscription = services.request_subscription(
        email=email, language=language, frequency=frequency, ip="192.0.2.1"
    )
    if confirm:
        subscription = services.confirm_subscription(
            subscription_id=subscription.pk, ip="192.0.2.2"
        )
    return subscription


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def link_in(message, name):
    """The path of the subscriptions:`name` link in a message's text part."""
    found = re.search(
        rf"https?://[^/\s]+(/\S*/subscriptions/{name}/\S+/|/subscriptions/{name}/\S+/)",
        message.body,
    )
    assert found, message.body
    return found.group(1)


@pytest.fixture
def subscriber(db):
    return make_subscriber(email="anna@example.com")


@pytest.fixture
def frequencies():
    return Subscription.Frequency


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free port, with Django's SMTP backend pointed at it."""
    from tests.subscriptions.smtp_server import SMTPServer

    server = SMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = False
    yield server
    server.stop()
