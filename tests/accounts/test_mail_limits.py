"""E-mails anyone can make us send (resets, confirmations) are capped per address and per
client, and the refusal says when to try again; sign-ins are throttled.

The hourly limit is set per day in some tests: an hour's window could turn mid-test.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings

from comments.models import Comment
from tests.comments.reader_helpers import form_data
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "Tr1cky-passphrase!"
# "in 5 ore, 3 minuti" / "in 23 hours, 59 minutes": Django's own words for a wait.
WAIT = re.compile(r"\d+\xa0(ore|ora|minuti|minuto|hours|hour|minutes|minute)")


def verified_user(**overrides):
    user = make_user(password=PASSWORD, **overrides)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def ask_reset(client, email, ip, prefix=""):
    return client.post(f"{prefix}/accounts/password/reset/", {"email": email}, REMOTE_ADDR=ip)


def test_reset_mails_to_one_address_stop_at_six_a_day_whoever_asks(client):
    verified_user(email="anna@example.com")
    for n in range(6):
        assert ask_reset(client, "anna@example.com", f"198.51.100.{n}").status_code == 302
    response = ask_reset(client, "anna@example.com", "198.51.100.99")
    assert response.status_code == 200  # the form again, with the address kept
    html = response.content.decode()
    assert 'value="anna@example.com"' in html
    assert "Abbiamo già inviato diverse e-mail a questo indirizzo" in html
    assert WAIT.search(html), html
    assert len(mail.outbox) == 6


@override_settings(ACCOUNTS_MAILS_PER_IP="3/d")
def test_one_client_may_ask_three_mails_then_is_told_when_to_come_back_in_english(client):
    for n in range(3):
        assert ask_reset(client, f"u{n}@example.com", "203.0.113.7", "/en").status_code == 302
    response = ask_reset(client, "u9@example.com", "203.0.113.7", "/en")
    html = response.content.decode()
    assert "We have already sent several e-mails to this address" in html
    assert WAIT.search(html)
    assert len(mail.outbox) == 3  # "no account here" replies count too
    # Another client is not held back by this one.
    assert ask_reset(client, "u9@example.com", "203.0.113.8", "/en").status_code == 302


@override_settings(ACCOUNTS_MAILS_PER_ADDRESS="2/d")
def test_the_limits_are_settings(client):
    verified_user(email="anna@example.com")
    statuses = [ask_reset(client, "anna@example.com", f"192.0.2.{n}").status_code for n in (1, 2)]
    assert statuses == [302, 302]
    assert ask_reset(client, "anna@example.com", "192.0.2.3").status_code == 200
    assert len(mail.outbox) == 2


def test_confirmation_mails_an_unconfirmed_account_asks_for_stop_with_a_429(client, settings):
    # allauth also spaces them 3 minutes apart; that is off here, as no clock moves.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "confirm_email": ""}
    user = make_user(username="nuovo", email="nuovo@example.com", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    login = {"login": "nuovo", "password": PASSWORD}
    for n in range(6):
        response = client.post("/accounts/login/", login, REMOTE_ADDR=f"198.51.100.{n}")
        assert response.status_code == 302, n
    response = client.post("/accounts/login/", login, REMOTE_ADDR="198.51.100.50")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 86400
    html = response.content.decode()
    assert "Abbiamo già inviato diverse e-mail" in html and WAIT.search(html)
    assert 'class="site-header"' in html
    assert len(mail.outbox) == 6


@override_settings(ACCOUNTS_MAILS_PER_IP="3/d")
def test_a_commenters_confirmation_mails_share_the_same_limits(client, post):
    origin = {"HTTP_ORIGIN": "http://testserver"}
    response = client.post(f"/comments/post/{post.pk}/", form_data(post), **origin)
    assert response.status_code == 302
    comment = Comment.objects.get()
    for _ in range(3):
        client.post(f"/comments/{comment.pk}/confirm-email/", **origin)
    response = client.post(f"/comments/{comment.pk}/confirm-email/", follow=True, **origin)
    html = response.content.decode()
    assert "Abbiamo già inviato diverse e-mail" in html and WAIT.search(html)
    assert len(mail.outbox) == 3


def test_five_wrong_passwords_lock_the_account_and_say_for_how_long(client):
    verified_user(username="anna")
    for n in range(5):
        # From five addresses: the lock is the account's, not one client's.
        wrong = {"login": "anna", "password": "no"}
        client.post("/accounts/login/", wrong, REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post("/accounts/login/", {"login": "anna", "password": PASSWORD})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Troppi tentativi di accesso non riusciti. Attendi 5 minuti e riprova." in html
    assert "_auth_user_id" not in client.session


def test_ten_failed_sign_ins_from_one_client_lock_it_out_whatever_the_account(client):
    for n in range(10):
        make_user(username=f"u{n}")
        client.post("/accounts/login/", {"login": f"u{n}", "password": "no"})
    verified_user(username="anna")
    response = client.post("/en/accounts/login/", {"login": "anna", "password": PASSWORD})
    assert "Too many failed login attempts. Please wait 5 minutes and try again." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session
