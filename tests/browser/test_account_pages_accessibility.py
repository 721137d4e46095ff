"""The account pages and the unsubscribe page pass axe-core in Chromium."""

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe

from comments.notifications import make_unsubscribe_token
from tests.comments.moderation_factories import make_comment
from tests.conftest import make_user

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345!"


def violations(page):
    results = Axe().run(page)
    return [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "path",
    ["/accounts/login/", "/accounts/signup/", "/en/accounts/password/reset/"],
)
def test_entrance_pages_have_no_axe_violations(live_server, page, path):
    page.goto(live_server.url + path)
    assert violations(page) == []


def reader(username):
    """A reader with a verified address, whose password is PASSWORD."""
    user = make_user(username=username, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(page, username, password=PASSWORD):
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.click("form.account-form button[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_a_failed_login_and_the_account_settings_have_no_axe_violations(live_server, page):
    reader("anna")
    page.goto(live_server.url + "/accounts/login/")
    log_in(page, "anna", "wrong")
    page.wait_for_selector(".errorlist")
    assert violations(page) == []

    log_in(page, "anna")
    page.wait_for_selector(".account-nav__who")
    page.goto(live_server.url + "/accounts/email/")
    assert "anna" in page.inner_text(".account-nav__who")
    assert violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_the_page_showing_a_message_has_no_axe_violations(live_server, page):
    reader("bruno")
    page.goto(live_server.url + "/accounts/login/")
    log_in(page, "bruno")
    page.wait_for_selector(".messages .message")  # "Accesso effettuato come ..."
    assert violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_the_unsubscribe_confirmation_has_no_axe_violations(live_server, page, post):
    token = make_unsubscribe_token(kind="replies", comment=make_comment(post=post))
    page.goto(f"{live_server.url}/comments/unsubscribe/{token}/")
    assert violations(page) == []
    page.click("main button[type=submit]")
    page.wait_for_selector("[role=status]")
    assert violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_the_two_factor_pages_have_no_axe_violations(live_server, page):
    user = make_user(username="editor", password="pw-12345!", is_staff=True)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", "editor")
    page.fill("input[name=password]", "pw-12345!")
    page.click("form.account-form button[type=submit]")
    page.goto(live_server.url + "/accounts/2fa/")
    assert violations(page) == []
    page.goto(live_server.url + "/accounts/2fa/totp/activate/")  # the password again first
    page.fill("input[name=password]", "pw-12345!")
    page.click("form.account-form button[type=submit]")
    page.wait_for_selector("#authenticator_secret")
    assert violations(page) == []
