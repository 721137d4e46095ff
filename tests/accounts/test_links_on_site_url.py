"""Links in e-mails lead to SITE_URL, whatever Host the request that sent them carried.

Each test asks with a Host that is among ALLOWED_HOSTS but is not the site's (as an
attacker who found one can), then reads the mail.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from comments.models import Comment
from tests.comments.reader_helpers import form_data
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

SITE = "https://blog.example.com"
FORGED = {"HTTP_HOST": "localhost"}  # in ALLOWED_HOSTS, not SITE_URL's host
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def links_in(message):
    texts = [message.body] + [content for content, _type in getattr(message, "alternatives", [])]
    return {link for text in texts for link in URL.findall(text)}


def assert_only_site_links(message):
    links = links_in(message)
    assert links, message.body
    assert all(link.startswith(SITE + "/") for link in links), links


def test_a_password_reset_link_is_on_site_url(client):
    user = make_user(email="anna@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/accounts/password/reset/", {"email": "anna@example.com"}, **FORGED)
    assert response.status_code == 302
    [message] = mail.outbox
    assert_only_site_links(message)
    assert any("/accounts/password/reset/key/" in link for link in links_in(message))


def test_the_reply_to_a_reset_for_an_unknown_address_links_the_sign_up_on_site_url(client):
    client.post("/accounts/password/reset/", {"email": "nessuno@example.com"}, **FORGED)
    [message] = mail.outbox
    assert_only_site_links(message)
    assert f"{SITE}/accounts/signup/" in links_in(message)


def test_the_sign_up_confirmation_link_is_on_site_url(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "giulia@example.com",
            "username": "giulia",
            "display_name": "Giulia",
            "password1": "Tr1cky-passphrase!",
            "password2": "Tr1cky-passphrase!",
        },
        **FORGED,
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert_only_site_links(message)
    assert any("/accounts/confirm-email/" in link for link in links_in(message))


def test_a_commenters_confirmation_link_is_on_site_url(client, post):
    response = client.post(
        f"/comments/post/{post.pk}/",
        form_data(post, name="Anna", email="anna@example.com"),
        HTTP_ORIGIN="http://localhost",
        **FORGED,
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    mail.outbox.clear()
    client.post(f"/comments/{comment.pk}/confirm-email/", HTTP_ORIGIN="http://localhost", **FORGED)
    [message] = mail.outbox
    assert_only_site_links(message)
    assert any("/comments/confirm/" in link for link in links_in(message))


def test_the_moderators_mail_about_a_held_comment_links_to_site_url(
    client, post, django_capture_on_commit_callbacks
):
    make_user(username="capo", email="capo@example.com", is_staff=True, is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/comments/post/{post.pk}/",
            form_data(post),
            HTTP_ORIGIN="http://localhost",
            **FORGED,
        )
    assert response.status_code == 302
    [message] = [m for m in mail.outbox if m.to == ["capo@example.com"]]
    assert_only_site_links(message)
    assert f"{SITE}/admin/comments/comment/" in " ".join(links_in(message))
