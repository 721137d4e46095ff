"""The password rules speak the reader's language, the too-short one included."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


def errors_for(password, language):
    with translation.override(language), pytest.raises(ValidationError) as caught:
        validate_password(password)
    return caught.value.messages


def test_a_too_short_password_is_refused_in_italian_on_an_italian_page():
    assert "Questa password è troppo corta. Deve contenere almeno 8 caratteri." in errors_for(
        "xq7!", "it"
    )


def test_a_too_short_password_is_refused_in_english_on_an_english_page():
    assert "This password is too short. It must contain at least 8 characters." in errors_for(
        "xq7!", "en"
    )


@pytest.mark.django_db
def test_the_sign_up_page_says_why_a_short_password_was_refused_in_italian(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nuova@example.com",
            "username": "nuova",
            "display_name": "Nuova",
            "password1": "xq7!",
            "password2": "xq7!",
        },
    )
    assert response.status_code == 200
    assert "Questa password è troppo corta" in response.text
    assert "This password is too short" not in response.text
