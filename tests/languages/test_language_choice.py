"""The reader's choice of language is remembered; a first visit to / follows the browser."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_choosing_a_language_sets_a_lasting_cookie_and_goes_to_the_page(client, bilingual):
    response = client.get("/i18n/en/", {"next": "/en/articles/answering-complaints/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/articles/answering-complaints/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 365 * 24 * 3600 - 1
    assert cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_choosing_a_language_never_leaves_the_site(client):
    response = client.get("/i18n/en/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/"
    assert client.get("/i18n/xx/", {"next": "/"}).status_code == 404


def test_a_reader_who_chose_english_is_sent_from_the_italian_home_to_the_english_one(client):
    client.get("/i18n/en/", {"next": "/en/"})
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_a_first_visit_from_an_english_browser_is_sent_to_the_english_home(client):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_the_query_string_goes_along_to_the_english_home(client):
    response = client.get(
        "/?utm_source=newsletter&utm_medium=email", headers={"accept-language": "en"}
    )
    assert response["Location"] == "/en/?utm_source=newsletter&utm_medium=email"


@pytest.mark.parametrize("accept", ["it-IT,it;q=0.9,en;q=0.8", "de-DE,de;q=0.9", "", "it", "*"])
def test_a_browser_that_does_not_prefer_english_stays_on_the_italian_home(client, accept):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 200
    assert '<html lang="it">' in response.text
    assert "Accept-Language" in response["Vary"]


def test_a_cookie_saying_italian_wins_over_an_english_browser(client):
    client.get("/i18n/it/", {"next": "/"})
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response.status_code == 200
    assert '<html lang="it">' in response.text


def test_deep_links_are_never_redirected_by_the_browsers_language(client, bilingual):
    url = bilingual["it_only"].get_absolute_url()
    response = client.get(url, headers={"accept-language": "en"})
    assert response.status_code == 200
    client.get("/i18n/en/", {"next": "/en/"})
    assert client.get(url).status_code == 200
