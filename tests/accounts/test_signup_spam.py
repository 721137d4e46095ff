"""Sign-up spam: a honeypot field, no throwaway addresses, and a rate per IP address."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from blogsite.appsettings import SettingError
from posts.conf import DomainList

PASSWORD = "Tr1cky-passphrase!"


def sign_up(client, *, email="lucia@example.com", language="it", **extra):
    data = {
        "email": email,
        "username": "lucia",
        "display_name": "Lucia",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    prefix = "/en" if language == "en" else ""  # the English side lives under /en/
    return client.post(f"{prefix}/accounts/signup/", data)


@pytest.mark.django_db
def test_the_signup_form_carries_a_honeypot_field_people_do_not_reach(client):
    page = client.get("/accounts/signup/").content.decode()
    field = next(tag for tag in page.split("<input") if 'name="homepage"' in tag)
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    assert "Lascia vuoto questo campo" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("it", "Questo campo deve restare vuoto: svuotalo per registrarti."),
        ("en", "This field must stay empty; empty it to sign up."),
    ],
)
def test_a_filled_honeypot_refuses_the_signup_with_a_clear_message(client, language, message):
    response = sign_up(client, language=language, homepage="http://cheap-pills.example")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_a_person_who_leaves_the_honeypot_empty_signs_up(client):
    response = sign_up(client, homepage="")
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="lucia@example.com").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["x@mailinator.com", "X@YOPMAIL.COM", "x@eu.guerrillamail.com"])
def test_a_disposable_address_cannot_sign_up_and_the_page_says_why(client, email):
    response = sign_up(client, email=email)
    page = response.content.decode()
    assert response.status_code == 200
    assert "sono usa e getta e qui non si possono usare" in page
    assert email.rpartition("@")[2].lower().removeprefix("eu.") in page
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_the_disposable_message_is_english_on_the_english_side(client):
    page = sign_up(client, email="x@10minutemail.com", language="en").content.decode()
    assert "Addresses at 10minutemail.com are disposable and cannot be used here" in page


@pytest.mark.django_db
def test_the_blocked_domains_are_a_setting(client, settings):
    settings.SIGNUP_BLOCKED_EMAIL_DOMAINS = ["spam-farm.example"]
    assert sign_up(client, email="a@spam-farm.example").status_code == 200
    assert sign_up(client, email="a@mailinator.com").status_code == 302  # no longer listed
    settings.SIGNUP_BLOCKED_EMAIL_DOMAINS = []
    client.logout()
    response = sign_up(client, email="b@spam-farm.example", username="bruno")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_blocked_domain_cannot_be_added_to_an_existing_account(client, django_user_model):
    user = django_user_model.objects.create_user("anna", "anna@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    response = client.post("/accounts/email/", {"action_add": "", "email": "anna@yopmail.com"})
    assert response.status_code == 200
    assert "yopmail.com" in response.content.decode()
    assert not EmailAddress.objects.filter(email="anna@yopmail.com").exists()


def test_the_domain_setting_takes_lists_and_text_and_refuses_what_is_no_domain():
    setting = DomainList(())
    assert setting.parse("Mailinator.com, @yopmail.fr") == {"mailinator.com", "yopmail.fr"}
    assert setting.parse('["trashmail.de"]') == {"trashmail.de"}
    with pytest.raises(SettingError, match="'not a domain' is not a domain name"):
        setting.parse(["not a domain"])


def test_a_bad_blocked_domain_stops_the_start_with_the_settings_name(settings):
    settings.SIGNUP_BLOCKED_EMAIL_DOMAINS = "mailinator.com, bad domain"
    with pytest.raises(SystemCheckError, match="SIGNUP_BLOCKED_EMAIL_DOMAINS"):
        call_command("check")
