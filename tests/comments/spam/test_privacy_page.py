"""The privacy page says what is stored, what goes to Akismet, and for how long."""

import pytest


@pytest.mark.django_db
def test_the_privacy_page_is_in_italian_at_the_root(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert '<html lang="it">' in response.text
    assert "Akismet" in response.text
    assert "30" in response.text and "90" in response.text


@pytest.mark.django_db
def test_the_privacy_page_is_in_english_under_en(client):
    response = client.get("/en/privacy/")
    assert response.status_code == 200
    assert "Your e-mail address is never published." in response.text
    assert "IP address" in response.text
