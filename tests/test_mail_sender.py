"""The site's e-mails come from the blog by name, in the e-mail's language: DEFAULT_FROM_EMAIL's
address under site_name(), unless the setting names its sender itself; a name with a comma,
quotes or accents still makes one well-formed address."""

from email import message_from_bytes, policy

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from comments import services
from comments.models import Comment
from tests.comments.moderation_factories import make_comment
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def senders(message):
    """The From of a message as a mail client reads it: [(display name, address)]."""
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    return [(address.display_name, address.addr_spec) for address in parsed["From"].addresses]


def reply_notification(post, capture_on_commit):
    """The e-mail telling an English commenter about an approved reply to their comment."""
    parent = make_comment(
        post=post,
        status=Comment.Status.APPROVED,
        notify_replies=True,
        author_email="jane@example.com",
        language="en",
    )
    reply = make_comment(post=post, parent=parent)
    with capture_on_commit(execute=True):
        services.moderate(comment=reply, status=Comment.Status.APPROVED)
    [message] = [message for message in mail.outbox if message.to == ["jane@example.com"]]
    return message


def subscription_confirmation(client, capture_on_commit, prefix=""):
    with capture_on_commit(execute=True):
        client.post(
            f"{prefix}/subscriptions/",
            {"email": "anna@example.com", "frequency": "each", "homepage": ""},
            **SAME_ORIGIN,
        )
    [message] = mail.outbox
    return message


def test_a_reply_notification_comes_from_the_blog_in_the_commenter_s_language(
    post, django_capture_on_commit_callbacks
):
    message = reply_notification(post, django_capture_on_commit_callbacks)

    assert senders(message) == [("Customer experience blog", "noreply@localhost")]


def test_a_subscription_confirmation_comes_from_the_blog_in_the_page_s_language(
    client, django_capture_on_commit_callbacks
):
    message = subscription_confirmation(client, django_capture_on_commit_callbacks)

    assert senders(message) == [("Blog sulla customer experience", "noreply@localhost")]


def test_an_account_e_mail_comes_from_the_blog_too(client):
    user = make_user(username="anna", email="anna@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    client.post("/en/accounts/password/reset/", {"email": "anna@example.com"})

    [message] = mail.outbox
    assert senders(message) == [("Customer experience blog", "noreply@localhost")]


def test_an_address_set_alone_is_sent_under_the_site_s_name(
    post, settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_FROM_EMAIL = "posta@blog.example"
    settings.SITE_NAME = "Il blog di Rossi"

    message = reply_notification(post, django_capture_on_commit_callbacks)

    assert senders(message) == [("Il blog di Rossi", "posta@blog.example")]


def test_an_address_set_with_its_own_name_keeps_it(
    client, settings, django_capture_on_commit_callbacks
):
    settings.DEFAULT_FROM_EMAIL = "Negozio Rossi <negozio@blog.example>"

    message = subscription_confirmation(client, django_capture_on_commit_callbacks)

    assert message.from_email == "Negozio Rossi <negozio@blog.example>"
    assert senders(message) == [("Negozio Rossi", "negozio@blog.example")]


def test_a_site_name_with_a_comma_and_quotes_is_quoted_into_one_sender(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_NAME = 'Rossi, Bianchi & C. "il blog"'

    message = subscription_confirmation(client, django_capture_on_commit_callbacks)

    assert message.message()["From"] == r'"Rossi, Bianchi & C. \"il blog\"" <noreply@localhost>'
    assert senders(message) == [('Rossi, Bianchi & C. "il blog"', "noreply@localhost")]


def test_a_site_name_with_accents_is_encoded_and_reads_back_whole(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_NAME = "Caffè, però"

    message = subscription_confirmation(client, django_capture_on_commit_callbacks, "/en")

    assert message.message()["From"].isascii()
    assert senders(message) == [("Caffè, però", "noreply@localhost")]
