"""A changed password is confirmed twice: on the page, and by e-mail to the account."""

import pytest
from django.core import mail

from tests.accounts.test_account_flows import PASSWORD, _verified_user

pytestmark = pytest.mark.django_db
NEW = "An0ther-passphrase!"


@pytest.mark.parametrize(
    ("prefix", "on_page", "in_mail"),
    [
        ("", "Password cambiata con successo.", "La tua password è stata cambiata."),
        ("/en", "Password successfully changed.", "Your password has been changed."),
    ],
)
def test_changing_the_password_says_so_on_the_page_and_by_mail(client, prefix, on_page, in_mail):
    user = _verified_user(username="anna", email="anna@example.com")
    client.force_login(user)
    response = client.post(
        f"{prefix}/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW, "password2": NEW},
        follow=True,
    )
    assert response.redirect_chain[-1] == (f"{prefix}/accounts/password/change/", 302)
    assert on_page in response.text
    assert [message.to for message in mail.outbox] == [["anna@example.com"]]
    assert in_mail in mail.outbox[0].body
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_a_refused_change_says_why_and_sends_nothing(client):
    user = _verified_user(username="anna", email="anna@example.com")
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": NEW, "password2": NEW},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["oldpassword"]
    assert not mail.outbox
