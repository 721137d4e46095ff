"""A reader asks for their data, or its erasure, from the privacy page, proving the address
by a link we e-mail to it."""

import json
import re
import time

import pytest
from django.core import mail, signing
from django.test import override_settings

from blogsite.models import PersonalDataRequest
from blogsite.personal_data import links
from comments.models import Comment
from posts.subscriptions.models import Subscription
from tests.personal_data.conftest import EMAIL

pytestmark = pytest.mark.django_db


def ask(client, action="export", email=EMAIL, prefix="", **extra):
    data = {"email": email, "action": action, "homepage": "", **extra}
    return client.post(f"{prefix}/privacy/request/", data)


def link_from(message):
    return re.search(r"https?://[^/\s]+(/\S*privacy/request/\S+/)", message.body).group(1)


def test_the_privacy_page_offers_the_request_and_says_what_subscriptions_keep(client, settings):
    settings.PRIVACY_IP_RETENTION_DAYS = 60
    html = client.get("/privacy/").content.decode()
    assert 'action="/privacy/request/#privacy-your-data"' in html
    assert 'id="privacy-subscriptions"' in html
    assert "60 giorni" in html


def test_a_reader_downloads_their_data_after_opening_the_link(client, footprint):
    response = ask(client)
    assert response.status_code == 302 and response["Location"] == "/privacy/request/sent/"
    [message] = mail.outbox
    assert message.to == [EMAIL]
    link = link_from(message)
    page = client.get(link)
    assert page.status_code == 200 and b'method="post"' in page.content
    assert not PersonalDataRequest.objects.exists()  # opening the link does nothing

    download = client.post(link)
    assert download["Content-Type"] == "application/json"
    data = json.loads(download.content)
    assert data["comments"]["comments"][0]["ip_address"] == "203.0.113.5"
    assert PersonalDataRequest.objects.get().channel == "privacy_page"


def test_a_reader_erases_their_data_after_opening_the_link(client, footprint):
    ask(client, "erase", prefix="/en")
    [message] = mail.outbox
    assert "erasure" in message.subject
    link = link_from(message)
    assert link.startswith("/en/")
    response = client.post(link)
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert Comment.objects.get(pk=footprint.comment.pk).author_email == ""
    assert PersonalDataRequest.objects.get().action == "erase"


def test_the_answer_is_the_same_for_an_address_we_know_nothing_about(client, footprint):
    unknown = ask(client, email="nobody@example.com")
    known = ask(client)
    assert unknown["Location"] == known["Location"]
    assert len(mail.outbox) == 2


def test_a_mistyped_address_is_explained_on_the_privacy_page_and_kept(client):
    response = ask(client, email="marta@")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="marta@"' in html and 'role="alert"' in html
    assert mail.outbox == []


def test_a_robot_filling_the_honeypot_gets_no_mail(client):
    assert ask(client, homepage="x")["Location"] == "/privacy/request/sent/"
    assert mail.outbox == []


@override_settings(PRIVACY_REQUEST_RATE_LIMIT="2/h")
def test_requests_are_rate_limited_per_connection(client):
    ask(client, email="a@example.com")
    ask(client, email="b@example.com")
    response = ask(client, email="c@example.com")
    assert response.status_code == 429
    assert 'value="c@example.com"' in response.content.decode()
    assert len(mail.outbox) == 2


@override_settings(PRIVACY_ADDRESS_RATE_LIMIT="1/d", PRIVACY_REQUEST_RATE_LIMIT="")
def test_nobody_can_flood_an_inbox_with_links(client):
    for _n in range(3):
        ask(client)
    assert len(mail.outbox) == 1


def test_an_expired_or_forged_link_does_nothing(client, footprint, settings):
    settings.PRIVACY_LINK_HOURS = 1

    class TwoHoursAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 7200)

    old = TwoHoursAgo(salt=links.SALT).sign_object({"e": EMAIL, "a": "erase"}, compress=True)
    forged = links.make_token(email=EMAIL, action="erase")[:-3] + "abc"
    for token in (old, forged):
        assert client.post(f"/privacy/request/{token}/").status_code == 400
    assert Subscription.objects.exists()
