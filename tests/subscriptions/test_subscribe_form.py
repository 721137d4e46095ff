"""The subscribe form on articles and home: e-mail only, double opt-in, no address shown."""

import pytest
from django.core import mail
from django.test import override_settings

from posts.subscriptions.models import Subscription
from tests.subscriptions.conftest import link_in, make_subscriber, sent_to

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def subscribe(client, email="anna@example.com", *, prefix="", **data):
    form = {"email": email, "frequency": "each", "homepage": "", **data}
    return client.post(f"{prefix}/subscriptions/", form, **SAME_ORIGIN)


def test_every_article_and_the_home_page_offer_the_form_with_its_privacy_line(client, post):
    for url in (post.get_absolute_url(), "/"):
        html = client.get(url).content.decode()
        assert 'action="/subscriptions/#subscribe"' in html
        assert 'type="email" name="email"' in html
        assert 'id="subscribe-privacy"' in html and 'href="/privacy/"' in html
        assert 'name="homepage"' in html  # the honeypot


def test_the_form_on_a_page_stored_for_everyone_carries_nothing_personal(client, post, settings):
    settings.PAGE_CACHE_ENABLED = True
    html = client.get(post.get_absolute_url()).content.decode()
    form = html[html.index('<section class="subscribe"') :]
    form = form[: form.index("</section>")]
    assert 'name="csrfmiddlewaretoken" value=""' in form
    assert "@" not in form


def test_a_reader_subscribes_and_confirms_from_the_e_mail(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "Anna@Example.com ", frequency="weekly")
    assert response.status_code == 302 and response["Location"] == "/subscriptions/sent/"
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.status) == ("anna@example.com", "pending")
    assert (subscription.language, subscription.frequency) == ("it", "weekly")
    assert subscription.requested_ip == "127.0.0.1"
    [message] = sent_to("anna@example.com")
    confirm = link_in(message, "confirm")

    page = client.get(confirm)  # a link scanner opening it changes nothing
    assert page.status_code == 200 and b'method="post"' in page.content
    assert Subscription.objects.get().status == "pending"

    response = client.post(confirm)
    subscription.refresh_from_db()
    assert subscription.status == "active" and subscription.confirmed_ip == "127.0.0.1"
    assert response.status_code == 302 and "/subscriptions/manage/" in response["Location"]


def test_an_english_page_subscribes_to_english_articles_and_writes_in_english(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, prefix="/en")
    assert Subscription.objects.get().language == "en"
    [message] = mail.outbox
    assert message.subject.startswith("Confirm your subscription")
    assert "/en/subscriptions/confirm/" in message.body


def test_no_page_of_the_flow_shows_the_address(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "secret.person@example.com")
    pages = [client.get(response["Location"])]
    message = mail.outbox[0]
    confirm = link_in(message, "confirm")
    pages.append(client.get(confirm))
    manage = client.post(confirm, follow=True)
    pages.append(manage)
    pages.append(client.get(manage.redirect_chain[-1][0].replace("manage", "unsubscribe")))
    for page in pages:
        assert page.status_code == 200
        assert b"secret.person" not in page.content


def test_a_mistyped_address_is_explained_and_kept(client):
    response = subscribe(client, "anna@")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please enter a valid e-mail address" in html or "Inserisci un indirizzo" in html
    assert 'value="anna@"' in html
    assert not Subscription.objects.exists()


def test_an_address_already_subscribed_gets_the_same_answer_and_a_note_by_e_mail(
    client, django_capture_on_commit_callbacks
):
    make_subscriber(email="anna@example.com", frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, "anna@example.com", frequency="each")
    assert response["Location"] == "/subscriptions/sent/"
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.frequency) == ("active", "weekly")  # unchanged
    [message] = sent_to("anna@example.com")
    assert "/subscriptions/manage/" in message.body and "/confirm/" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_robot_filling_the_honeypot_is_told_the_same_and_nothing_happens(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, homepage="http://spam.example")
    assert response["Location"] == "/subscriptions/sent/"
    assert not Subscription.objects.exists() and mail.outbox == []


@override_settings(SUBSCRIPTIONS_RATE_LIMIT="2/h")
def test_too_many_requests_from_one_address_are_refused_and_the_typed_address_kept(client):
    for n in range(2):
        assert subscribe(client, f"r{n}@example.com").status_code == 302
    response = subscribe(client, "third@example.com")
    assert response.status_code == 429
    assert 'value="third@example.com"' in response.content.decode()
    assert Subscription.objects.count() == 2


@override_settings(SUBSCRIPTIONS_ADDRESS_RATE_LIMIT="2/d", SUBSCRIPTIONS_RATE_LIMIT="")
def test_the_form_cannot_flood_someone_s_inbox(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(5):
            subscribe(client, "victim@example.com")
    assert len(sent_to("victim@example.com")) == 2


def test_a_post_from_another_site_without_a_token_is_refused(client):
    client = client.__class__(enforce_csrf_checks=True)
    response = client.post(
        "/subscriptions/",
        {"email": "anna@example.com", "frequency": "each"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert not Subscription.objects.exists()
