"""Signed-in readers subscribe in one click; every subscriber manages or leaves from a link."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.core import mail, signing
from django.test import Client

from posts.subscriptions import tokens
from posts.subscriptions.models import Subscription
from tests.conftest import make_user
from tests.subscriptions.conftest import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    user = make_user(username="giulia", email="giulia@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_a_signed_in_reader_subscribes_with_one_click_and_sees_it(client, member, post):
    client.force_login(member)
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'action="/subscriptions/account/"' in html
    assert "giulia@example.com" not in html

    response = client.post(
        "/subscriptions/account/", {"frequency": "weekly", "next": post.get_absolute_url()}
    )
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.status, subscription.frequency) == (
        "giulia@example.com",
        "active",
        "weekly",
    )
    assert subscription.user == member and mail.outbox == []  # no confirmation needed
    html = client.get(post.get_absolute_url()).content.decode()
    assert "/subscriptions/manage/" in html and 'action="/subscriptions/account/"' not in html


def test_an_account_without_a_confirmed_address_is_asked_to_confirm_it_first(client, post):
    client.force_login(make_user(email="new@example.com"))
    response = client.post("/subscriptions/account/", {"frequency": "each"}, follow=True)
    assert not Subscription.objects.exists()
    assert [str(m) for m in response.context["messages"]] != []


def test_the_one_click_form_only_comes_back_to_this_site(client, member):
    client.force_login(member)
    response = client.post(
        "/subscriptions/account/", {"frequency": "each", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def manage_path(subscription, name="manage"):
    return f"/subscriptions/{name}/{tokens.manage_token(subscription.pk)}/"


def test_the_manage_link_changes_how_often_and_unsubscribes(client):
    subscription = make_subscriber()
    response = client.post(
        manage_path(subscription), {"action": "frequency", "frequency": "weekly"}
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.frequency == "weekly"

    client.post(manage_path(subscription), {"action": "unsubscribe"})
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    page = client.get(manage_path(subscription))
    assert b'value="resubscribe"' in page.content

    client.post(manage_path(subscription), {"action": "resubscribe"})
    subscription.refresh_from_db()
    assert subscription.status == "active"


def test_a_bad_frequency_changes_nothing_and_says_why(client):
    subscription = make_subscriber()
    response = client.post(
        manage_path(subscription), {"action": "frequency", "frequency": "hourly"}, follow=True
    )
    subscription.refresh_from_db()
    assert subscription.frequency == "each"
    assert len(list(response.context["messages"])) == 1


def test_one_click_unsubscribe_needs_no_token_from_a_mail_client(client):
    subscription = make_subscriber()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        manage_path(subscription, "unsubscribe"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"


def test_opening_the_unsubscribe_link_asks_before_unsubscribing(client):
    subscription = make_subscriber()
    response = client.get(manage_path(subscription, "unsubscribe"))
    assert response.status_code == 200 and b'method="post"' in response.content
    subscription.refresh_from_db()
    assert subscription.status == "active"


@pytest.mark.parametrize("name", ["manage", "unsubscribe", "confirm"])
def test_a_forged_or_tampered_link_is_refused(client, name):
    subscription = make_subscriber()
    token = tokens.manage_token(subscription.pk)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(f"/subscriptions/{name}/{forged}/")
    assert response.status_code == 400
    assert b"/subscriptions/" in response.content


def test_a_confirmation_link_cannot_bring_back_a_subscription_that_was_left(client):
    subscription = make_subscriber(confirm=False)
    link = f"/subscriptions/confirm/{tokens.confirm_token(subscription.pk)}/"
    client.post(link)
    client.post(manage_path(subscription), {"action": "unsubscribe"})
    client.post(link)
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"


def test_a_confirmation_link_expires(client, settings):
    settings.SUBSCRIPTIONS_CONFIRM_DAYS = 1

    class TwoDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 2 * 86400)

    subscription = make_subscriber(confirm=False)
    old = TwoDaysAgo(salt=tokens.CONFIRM_SALT).sign_object(subscription.pk)
    response = client.post(f"/subscriptions/confirm/{old}/")
    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == "pending"
