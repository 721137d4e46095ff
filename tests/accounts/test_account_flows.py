"""Accounts (django-allauth) end to end: the mails are read from the locmem outbox."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import translation

from tests.conftest import make_user

PASSWORD = "Tr1cky-passphrase!"


def _link(message, pattern):
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def _verified_user(**overrides):
    user = make_user(password=PASSWORD, **overrides)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.django_db
def test_sign_up_sends_a_verification_mail_and_the_link_confirms_the_address(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "giulia@example.com",
            "username": "giulia",
            "display_name": "Giulia R.",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = get_user_model().objects.get(username="giulia")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["giulia@example.com"]
    link = _link(mail.outbox[0], r"http://[^/\s]+/accounts/confirm-email/[^/\s]+/")
    path = re.sub(r"^http://[^/]+", "", link)

    page = client.get(path)
    assert page.status_code == 200
    assert "Conferma l'indirizzo email" in page.content.decode()

    client.post(path)
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
def test_an_unverified_account_cannot_log_in_until_the_mail_is_confirmed(client):
    user = make_user(username="nuovo", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    response = client.post("/accounts/login/", {"login": "nuovo", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1  # a fresh verification mail


@pytest.mark.django_db
@pytest.mark.parametrize("login", ["anna", "anna@example.com"])
def test_a_verified_reader_logs_in_by_username_or_email_and_sees_who_they_are(client, login):
    _verified_user(username="anna", email="anna@example.com")
    response = client.post("/accounts/login/", {"login": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    page = client.get("/accounts/email/").content.decode()
    assert "Logged in as" in page or "Accesso effettuato come" in page
    assert "<strong>anna</strong>" in page


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_a_message_and_the_login_kept(client):
    _verified_user(username="anna")
    response = client.post("/accounts/login/", {"login": "anna", "password": "wrong"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="anna"' in body
    assert "non sono corretti" in body


@pytest.mark.django_db
def test_log_out_is_a_post_from_the_header_form(client):
    user = _verified_user(username="anna")
    client.force_login(user)
    page = client.get("/accounts/email/").content.decode()
    assert '<form class="account-nav__logout" method="post" action="/accounts/logout/">' in page
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_mail_lets_the_reader_choose_a_new_password(client):
    _verified_user(username="anna", email="anna@example.com")
    response = client.post("/accounts/password/reset/", {"email": "anna@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0], r"http://[^/\s]+/accounts/password/reset/key/[^/\s]+/")
    path = re.sub(r"^http://[^/]+", "", link)

    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_password_path = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_path, {"password1": "An0ther-passphrase", "password2": "An0ther-passphrase"}
    )
    assert response.status_code == 302

    client.logout()
    response = client.post("/accounts/login/", {"login": "anna", "password": "An0ther-passphrase"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_a_reader_adds_a_second_email_address_and_it_gets_a_verification_mail(client):
    user = _verified_user(username="anna")
    client.force_login(user)
    response = client.post("/accounts/email/", {"action_add": "", "email": "anna@work.example"})
    assert response.status_code == 302
    added = EmailAddress.objects.get(user=user, email="anna@work.example")
    assert not added.verified
    assert mail.outbox[-1].to == ["anna@work.example"]


PAGES = [
    ("/accounts/login/", False, "Accedi", "Log in"),
    ("/accounts/signup/", False, "Registrati", "Sign up"),
    ("/accounts/password/reset/", False, "Reimpostazione password", "Password reset"),
    ("/accounts/email/", True, "Indirizzi e-mail", "E-mail addresses"),
    ("/accounts/password/change/", True, "Cambia la tua password", "Change password"),
    ("/accounts/logout/", True, "Esci", "Log out"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "signed_in", "italian", "english"), PAGES)
def test_account_pages_use_the_site_layout_in_italian_and_english(
    client, path, signed_in, italian, english
):
    if signed_in:
        client.force_login(_verified_user(username="anna"))
    for prefix, language, title in (("", "it", italian), ("/en", "en", english)):
        response = client.get(prefix + path)
        assert response.status_code == 200, (prefix + path, response.status_code)
        page = response.content.decode()
        assert f'<html lang="{language}">' in page
        assert 'class="site-header"' in page  # the site's base.html
        assert '<main id="main"' in page
        assert re.search(rf"<h1>\s*{title}\s*</h1>", page)
        assert re.search(r"<title>[^<]+ · [^<]+</title>", page)
        assert '<meta name="robots" content="noindex">' in page


@pytest.mark.django_db
def test_the_header_offers_log_in_and_sign_up_to_anonymous_readers(client, post):
    with translation.override("it"):
        url = post.get_absolute_url()
    page = client.get(url).content.decode()
    assert f'href="/accounts/login/?next={url}"' in page
    assert 'href="/accounts/signup/' in page


@pytest.mark.django_db
def test_account_settings_pages_link_to_each_other(client):
    client.force_login(_verified_user(username="anna"))
    page = client.get("/en/accounts/email/").content.decode()
    assert 'aria-label="Account settings"' in page
    assert 'href="/en/accounts/password/change/"' in page
    assert 'aria-current="page"' in page


@pytest.mark.django_db
def test_an_openid_connect_provider_added_in_the_admin_appears_on_the_login_page(client):
    admin_user = make_user(username="boss", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    response = client.post(
        "/admin/socialaccount/socialapp/add/",
        {
            "provider": "openid_connect",
            "provider_id": "gitlab",
            "name": "GitLab",
            "client_id": "blog-client",
            "secret": "s3cret",
            "key": "",
            "settings": '{"server_url": "https://gitlab.example.com"}',
            "sites": [1],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    page = client.get("/accounts/login/").content.decode()
    assert "GitLab" in page
    assert 'href="/accounts/oidc/gitlab/login/' in page


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_for_a_while(client):
    _verified_user(username="anna")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "anna", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "anna", "password": PASSWORD})
    assert response.status_code == 200
    assert "Troppi tentativi di accesso non riusciti. Attendi 5 minuti e riprova." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_too_many_sign_ups_from_one_address_get_a_friendly_429_page(client):
    statuses = [
        client.post(
            "/accounts/signup/",
            {
                "email": f"u{n}@example.com",
                "username": f"u{n}",
                "display_name": f"Utente {n}",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        ).status_code
        for n in range(9)
    ]
    assert statuses[:8] == [302] * 8  # ACCOUNT_RATE_LIMITS "signup": 8 in ten minutes
    assert statuses[8] == 429
    response = client.post("/accounts/signup/", {})
    page = response.content.decode()
    assert response.status_code == 429
    assert 'class="site-header"' in page
    assert "Troppi tentativi" in page
