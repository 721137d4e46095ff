"""The privacy page says who runs the site, how to reach them, which cookies it sets,
what accounts hold, how long data is kept and how spam is filtered; every page links it."""

import pytest
from django.test import Client

from blogsite.personal_data.conf import privacy_settings
from comments import cookies
from comments.management.commands.purge_comments import DEFAULT_SPAM_DAYS
from posts.reactions.conf import VOTER_COOKIE_NAME

pytestmark = pytest.mark.django_db


def test_the_page_names_who_runs_the_site_and_how_to_reach_them(client, settings):
    settings.SITE_NAME = "Blog Resi"
    settings.SITE_OWNER = "Rossi Consulenze S.r.l."
    settings.SITE_CONTACT_EMAIL = "privacy@example.com"
    html = client.get("/privacy/").text
    assert "Questo sito, Blog Resi, è gestito da Rossi Consulenze S.r.l." in html
    assert '<a href="mailto:privacy@example.com">privacy@example.com</a>' in html


def test_without_a_contact_address_the_page_still_says_how_to_write(client, settings):
    settings.SITE_CONTACT_EMAIL = ""
    html = client.get("/privacy/").text
    assert "mailto:" not in html
    assert "rispondi a una qualsiasi e-mail" in html


def test_every_cookie_the_site_sets_is_listed(client, settings):
    html = client.get("/privacy/").text
    names = [
        settings.CSRF_COOKIE_NAME,
        settings.SESSION_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        "messages",
        cookies.OWN_COOKIE,
        cookies.CONFIRMED_COOKIE,
        cookies.AUTHOR_COOKIE,
        VOTER_COOKIE_NAME,
    ]
    for name in names:
        assert f"<code>{name}</code>" in html
    assert "2 anni" in html  # the reactions cookie


def test_the_cookies_reader_pages_set_are_on_the_list(post):
    client = Client()
    seen = set(client.get(post.get_absolute_url()).cookies)
    seen |= set(client.post("/i18n/setlang/", {"language": "en", "next": "/"}).cookies)
    assert seen  # the form's CSRF cookie and the language cookie at least
    html = Client().get("/privacy/").text
    for name in seen:
        assert f"<code>{name}</code>" in html


def test_retention_comes_from_the_purge_command_and_the_privacy_setting(client, settings):
    html = client.get("/privacy/").text
    assert f"cancellati dopo {DEFAULT_SPAM_DAYS} giorni" in html
    assert f"cancellati dopo {privacy_settings.IP_RETENTION_DAYS} giorni" in html
    settings.PRIVACY_IP_RETENTION_DAYS = 45
    assert "cancellati dopo 45 giorni" in client.get("/privacy/").text
    assert "Gli account vengono conservati" in html


def test_the_page_says_whether_akismet_is_on(client, settings):
    settings.AKISMET_API_KEY = ""
    assert "Akismet non è attivo" in client.get("/privacy/").text
    settings.AKISMET_API_KEY = "abc123"
    assert "il servizio Akismet è attivo" in client.get("/privacy/").text


def test_the_page_describes_accounts(client):
    html = client.get("/en/privacy/").text
    assert "You can comment without an account." in html
    assert "one-way hash" in html
