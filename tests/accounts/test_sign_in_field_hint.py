"""The sign-in name field is hinted as a username: it takes one or an e-mail address, and a
password manager must offer the account's saved sign-in name (make run's "admin")."""

from django.urls import reverse


def test_the_sign_in_name_field_is_hinted_as_a_username(client, db):
    page = client.get(reverse("account_login")).content.decode()
    field = page[page.index('name="login"') - 200 : page.index('name="login"') + 200]
    assert 'autocomplete="username"' in field
    assert 'autocomplete="email"' not in field
    assert 'autocomplete="current-password"' in page
