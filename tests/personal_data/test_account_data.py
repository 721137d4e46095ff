"""A signed-in reader downloads their data and deletes their account, after giving their
password again."""

import json

import pytest
from django.contrib.auth import get_user_model

from blogsite.models import PersonalDataRequest
from comments.models import Comment
from posts.subscriptions.models import Subscription
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

PASSWORD = "pw-12345!"


def reauthenticate(client, response):
    """Answer allauth's "confirm your password" step and follow where it leads."""
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]
    return client.post(response["Location"], {"password": PASSWORD})


def test_the_data_page_lists_what_is_held_and_links_the_download(client, footprint):
    client.force_login(footprint.account)
    html = client.get("/accounts/data/").content.decode()
    assert 'href="/accounts/data/download/"' in html
    assert 'action="/accounts/data/delete/"' in html
    assert html.count("<li>") >= 4


def test_the_download_asks_for_the_password_again(client, footprint):
    client.force_login(footprint.account)
    response = reauthenticate(client, client.get("/accounts/data/download/"))
    response = client.get("/accounts/data/download/")
    data = json.loads(response.content)
    assert data["accounts"][0]["username"] == "marta"
    assert data["comments"]["comments"][0]["comment"] == "Il mio commento."
    assert PersonalDataRequest.objects.get().channel == "account"


def test_deleting_the_account_erases_it_with_its_data_and_signs_out(client, footprint):
    client.force_login(footprint.account)
    response = client.post("/accounts/data/delete/", {"confirm": "on"})
    response = reauthenticate(client, response)  # the deletion resumes after the password
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="marta").exists()
    assert not Subscription.objects.exists()
    assert Comment.objects.get(pk=footprint.comment.pk).user is None
    assert "_auth_user_id" not in client.session
    assert PersonalDataRequest.objects.get().action == "erase"


def test_without_the_box_ticked_nothing_is_deleted(client, footprint):
    client.force_login(footprint.account)
    reauthenticate(client, client.get("/accounts/data/download/"))
    response = client.post("/accounts/data/delete/", {})
    assert response.status_code == 400
    assert get_user_model().objects.filter(username="marta").exists()


def test_an_author_is_told_why_their_account_cannot_be_deleted_here(client, footprint):
    make_post(author=footprint.account)
    client.force_login(footprint.account)
    html = client.get("/accounts/data/").content.decode()
    assert 'action="/accounts/data/delete/"' not in html
    reauthenticate(client, client.get("/accounts/data/download/"))
    client.post("/accounts/data/delete/", {"confirm": "on"})
    assert get_user_model().objects.filter(username="marta").exists()


def test_the_data_pages_need_an_account(client):
    for url in ("/accounts/data/", "/accounts/data/download/"):
        assert "/accounts/login/" in client.get(url)["Location"]
