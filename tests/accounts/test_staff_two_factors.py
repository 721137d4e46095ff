"""Two factors for staff (allauth.mfa): an authenticator app and recovery codes, asked at
every sign-in, the admin's own login form bypassed by none, required by a setting.

Codes come from allauth's own TOTP helper, computed from the secret as an app would.
"""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "Tr1cky-passphrase!"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code_for(secret: str, *, offset: int = 0) -> str:
    """What an authenticator app shows now (offset: that many 30-second steps later)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


@pytest.fixture
def editor():
    user = make_user(username="editor", email="editor@example.com", password=PASSWORD)
    user.is_staff = user.is_superuser = True
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def editor_with_app(editor):
    TOTP.activate(editor, SECRET)
    return editor


def sign_in(client, next_url="/admin/"):
    return client.post(
        f"/accounts/login/?next={next_url}", {"login": "editor", "password": PASSWORD}
    )


def test_the_admin_login_is_allauths_and_its_password_form_logs_nobody_in(client, editor):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    login = client.get(response["Location"])
    assert login["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    # Django's own form, posted as it was: no session, only the way to allauth.
    posted = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert posted.status_code == 302 and "_auth_user_id" not in client.session


def test_staff_with_an_app_give_a_code_after_the_password(client, editor_with_app):
    response = sign_in(client)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    page = client.get("/accounts/2fa/authenticate/").content.decode()
    assert "Autenticazione a due fattori" in page or "codice" in page.lower()
    response = client.post("/accounts/2fa/authenticate/", {"code": code_for(SECRET)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_five_lock_the_account(client, editor_with_app):
    sign_in(client)
    wrong = f"{(int(code_for(SECRET)) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    for _ in range(4):
        client.post("/accounts/2fa/authenticate/", {"code": wrong})
    response = client.post("/accounts/2fa/authenticate/", {"code": code_for(SECRET)})
    assert "Troppi tentativi di accesso non riusciti. Attendi 5 minuti e riprova." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_signs_in_once(client, editor_with_app):
    [first, *_rest] = RecoveryCodes.activate(editor_with_app).get_unused_codes()
    sign_in(client)
    response = client.post("/accounts/2fa/authenticate/", {"code": first})
    assert response["Location"] == "/admin/"
    client.logout()
    sign_in(client)
    client.post("/accounts/2fa/authenticate/", {"code": first})
    assert "_auth_user_id" not in client.session


def test_when_required_staff_without_an_app_add_one_before_the_admin(client, editor, settings):
    settings.ACCOUNTS_STAFF_MFA_REQUIRED = True
    sign_in(client)
    assert client.session["_auth_user_id"]
    response = client.get("/admin/", follow=True)
    # allauth asks for the password again before adding a factor (a session left open
    # must not let someone else tie the account to their phone).
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    assert "Gli account dello staff accedono con due fattori" in response.content.decode()
    response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/"
    html = response.content.decode()
    # The secret, as the page shows it under the QR code for typing it in by hand.
    secret = re.search(r'value="([A-Z2-7]{32})"', html).group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": code_for(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor, type="totp").exists()
    assert client.get("/admin/").status_code == 200
    # ...and cannot take it away again while it is required.
    client.post("/accounts/2fa/totp/deactivate/", {})
    assert Authenticator.objects.filter(user=editor, type="totp").exists()


def test_without_the_setting_staff_may_use_the_admin_with_a_password(client, editor, settings):
    settings.ACCOUNTS_STAFF_MFA_REQUIRED = False
    sign_in(client)
    assert client.get("/admin/").status_code == 200


def test_a_reader_is_never_asked_for_an_app(client, settings):
    settings.ACCOUNTS_STAFF_MFA_REQUIRED = True
    reader = make_user(username="lettore", password=PASSWORD)
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    client.post("/accounts/login/", {"login": "lettore", "password": PASSWORD})
    assert client.get("/accounts/email/").status_code == 200


@pytest.mark.parametrize(
    ("prefix", "language", "title"),
    [("", "it", "Autenticazione a due fattori"), ("/en", "en", "Two-factor authentication")],
)
def test_the_two_factor_pages_use_the_site_layout_in_both_languages(
    client, editor_with_app, prefix, language, title
):
    sign_in(client)
    client.post("/accounts/2fa/authenticate/", {"code": code_for(SECRET)})
    response = client.get(f"{prefix}/accounts/2fa/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page and 'class="site-header"' in page
    assert re.search(rf"<h1>\s*{title}\s*</h1>", page, re.IGNORECASE)
