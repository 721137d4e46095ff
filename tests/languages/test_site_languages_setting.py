"""The content languages are a setting (SITE_LANGUAGES): a French blog is French at / and
keeps no trace of Italian, and a language the site does not serve is refused by name."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import clear_url_caches
from django.utils import translation

from posts import services
from tests.conftest import make_post
from tests.test_deploy_settings import run_manage

FRENCH_AND_GERMAN = {"LANGUAGE_CODE": "fr", "LANGUAGES": [("fr", "French"), ("de", "German")]}


@pytest.fixture
def french_site(settings):
    settings.LANGUAGE_CODE = FRENCH_AND_GERMAN["LANGUAGE_CODE"]
    settings.LANGUAGES = FRENCH_AND_GERMAN["LANGUAGES"]
    clear_url_caches()
    yield
    clear_url_caches()
    translation.activate("it")


def test_the_setting_sets_the_languages_and_the_first_one_is_at_the_root():
    script = (
        "from django.conf import settings; "
        "print(settings.LANGUAGE_CODE, [c for c, _n in settings.LANGUAGES])"
    )
    result = run_manage(
        "shell", "-c", script, env={"DJANGO_DEBUG": "1", "SITE_LANGUAGES": "fr,en"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "fr ['fr', 'en']"


def test_an_unknown_language_code_stops_the_site_with_a_message_naming_it():
    result = run_manage("check", env={"DJANGO_DEBUG": "1", "SITE_LANGUAGES": "fr,klingon"})
    assert result.returncode != 0
    assert "SITE_LANGUAGES" in result.stderr and "klingon" in result.stderr


def test_a_french_article_is_served_at_the_root_in_french(db, client, french_site):
    post = make_post(title="Répondre aux réclamations", slug="reclamations", language="fr")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert post.title in response.content.decode()


def test_content_in_a_language_the_site_does_not_serve_is_refused_naming_the_setting(
    db, author, french_site
):
    with pytest.raises(ValidationError) as refused:
        services.create_post(
            title="Rispondere ai reclami",
            slug="rispondere-ai-reclami",
            author=author,
            body="Testo.",
            language="it",
        )
    assert "SITE_LANGUAGES" in str(refused.value)


def test_the_admin_offers_only_the_site_languages(db, admin_client, french_site):
    page = admin_client.get("/admin/posts/post/add/").content.decode()
    assert '<option value="fr"' in page and '<option value="de"' in page
    assert '<option value="it"' not in page
