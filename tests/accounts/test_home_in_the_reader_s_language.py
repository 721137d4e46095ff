"""Signing in or out with no page to go back to lands on the home of the language the
reader was using: /en/ from the English login, / from the Italian one."""

import pytest
from allauth.account.models import EmailAddress

from tests.conftest import make_user

PASSWORD = "Tr1cky-passphrase!"


@pytest.fixture
def reader(db):
    user = make_user(username="lettrice", email="lettrice@example.com", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize("prefix, home", [("/en", "/en/"), ("", "/")])
def test_sign_in_and_out_land_on_the_home_of_the_page_s_language(client, reader, prefix, home):
    response = client.post(
        f"{prefix}/accounts/login/", {"login": "lettrice", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == home
    response = client.post(f"{prefix}/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == home


def test_a_page_to_go_back_to_still_wins(client, reader):
    response = client.post(
        "/en/accounts/login/?next=/en/archive/", {"login": "lettrice", "password": PASSWORD}
    )
    assert response["Location"] == "/en/archive/"
