"""A reader who signs up from an article comes back to it once the e-mail is confirmed; the
password-reset pages lead on to the login."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import translation

PASSWORD = "Tr1cky-passphrase!"


def confirmation_path(message):
    link = re.search(r"http://[^/\s]+/accounts/confirm-email/[^/\s]+/", message.body).group(0)
    return re.sub(r"^http://[^/]+", "", link)


@pytest.mark.django_db
def test_after_sign_up_from_an_article_and_the_confirmation_the_reader_returns_to_it(client, post):
    with translation.override("it"):
        article = post.get_absolute_url()
    page = client.get(article).content.decode()
    signup = re.search(r'href="(/accounts/signup/\?next=[^"]+)"', page).group(1)
    client.get(signup.replace("&amp;", "&"))
    response = client.post(
        signup.replace("&amp;", "&"),
        {
            "email": "giulia@example.com",
            "username": "giulia",
            "display_name": "Giulia R.",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": article,
        },
    )
    assert response.status_code == 302
    path = confirmation_path(mail.outbox[0])
    response = client.post(path)
    user = get_user_model().objects.get(username="giulia")
    assert EmailAddress.objects.get(user=user).verified
    assert response.status_code == 302
    assert response["Location"] == article
    # Signed in on the way: the article greets the new account.
    assert "giulia" in client.get(article).content.decode()


@pytest.mark.django_db
def test_the_password_reset_done_pages_link_to_the_login(client):
    for path in ("/accounts/password/reset/done/", "/accounts/password/reset/key/done/"):
        page = client.get(path).content.decode()
        assert 'href="/accounts/login/"' in page, path
