"""Editors translate a page from its change form, as authors translate articles: "Translate
into English" creates a draft English page linked to the Italian one, with its own slug,
under the English version of the Italian page's parent (at the top level, and told so, when
the parent has no English version yet)."""

import uuid

import pytest
from django.contrib.messages import get_messages

from posts.models import Page
from posts.services import create_page, create_page_translation
from tests.posts.conftest import staff_in

pytestmark = pytest.mark.django_db


def change_url(page):
    return f"/admin/posts/page/{page.pk}/change/"


def translate_url(page, language):
    return f"/admin/posts/page/{page.pk}/translate/{language}/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def site_pages(editor):
    """ "Chi siamo" with its English "About us"; "Il team" under it and "Contatti" at the
    top, neither translated."""
    key = uuid.uuid4()
    about = create_page(
        title="Chi siamo", author=editor, body="Noi.", status="published", translation_key=key
    )
    about_en = create_page(
        title="About us",
        author=editor,
        body="Us.",
        language="en",
        status="published",
        translation_key=key,
    )
    team = create_page(title="Il team", author=editor, body="Il team.", parent=about, position=3)
    contacts = create_page(title="Contatti", author=editor, body="Scriveteci.")
    return {"about": about, "about_en": about_en, "team": team, "contacts": contacts}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_the_change_form_offers_translate_only_into_missing_languages(
    editor_client, site_pages, settings
):
    settings.LANGUAGES = [("it", "Italiano"), ("en", "English"), ("fr", "Français")]
    untranslated = editor_client.get(change_url(site_pages["contacts"])).text
    assert f'action="{translate_url(site_pages["contacts"], "en")}"' in untranslated
    assert f'action="{translate_url(site_pages["contacts"], "fr")}"' in untranslated
    assert "Traduci in inglese" in untranslated and "Traduci in francese" in untranslated
    translated = editor_client.get(change_url(site_pages["about"])).text
    assert translate_url(site_pages["about"], "en") not in translated
    assert f'action="{translate_url(site_pages["about"], "fr")}"' in translated
    assert "About us" in translated  # the link to the translation


def test_a_page_in_every_language_offers_no_translate_button(editor_client, site_pages):
    assert "/translate/" not in editor_client.get(change_url(site_pages["about"])).text
    assert "/translate/" not in editor_client.get(change_url(site_pages["about_en"])).text


def test_translate_creates_a_linked_english_draft_at_its_own_address_and_opens_it(
    editor_client, editor, site_pages
):
    source = site_pages["contacts"]
    create_page(title="Contatti", author=editor, body="Taken.", language="en")  # "contatti"
    response = editor_client.post(translate_url(source, "en"))
    source.refresh_from_db()
    assert source.translation_key is not None  # given one: it had no translation
    translation = Page.objects.get(translation_key=source.translation_key, language="en")
    assert response.status_code == 302
    assert response["Location"] == change_url(translation)
    assert translation.status == Page.Status.DRAFT and translation.published_at is None
    assert (translation.title, translation.body) == (source.title, source.body)
    assert translation.author == source.author
    assert translation.slug == translation.path == "contatti-2"
    assert translation.parent is None
    assert list(source.translations()) == [translation]
    assert messages_of(response) == [
        "Bozza della traduzione creata: traduci titolo e testo, poi pubblica."
    ]


def test_the_translation_goes_under_the_translation_of_the_parent(editor_client, site_pages):
    team = site_pages["team"]
    response = editor_client.post(translate_url(team, "en"))
    translation = Page.objects.get(language="en", title="Il team")
    assert response["Location"] == change_url(translation)
    assert translation.parent == site_pages["about_en"]
    assert translation.path == "about-us/il-team"
    assert translation.position == team.position
    assert not any("primo livello" in message for message in messages_of(response))


def test_without_a_translated_parent_the_translation_is_at_the_top_level_and_the_editor_is_told(
    editor_client, site_pages
):
    site_pages["about_en"].delete()
    team = site_pages["team"]
    response = editor_client.post(translate_url(team, "en"))
    translation = Page.objects.get(language="en", title="Il team")
    assert response["Location"] == change_url(translation)
    assert translation.parent is None and translation.path == "il-team"
    assert messages_of(response)[-1] == (
        "La pagina superiore “Chi siamo” non ha ancora una traduzione in inglese, perciò "
        "questa traduzione è stata messa al primo livello: scegli la sua pagina superiore "
        "quando quella sarà tradotta."
    )


def test_asking_again_opens_the_existing_translation(editor_client, site_pages):
    about = site_pages["about"]
    response = editor_client.post(translate_url(about, "en"))
    assert response.status_code == 302
    assert response["Location"] == change_url(site_pages["about_en"])
    assert messages_of(response) == ["Questa pagina ha già quella traduzione: eccola."]
    assert Page.objects.filter(translation_key=about.translation_key).count() == 2


def test_translating_into_the_page_s_own_language_is_an_error_message_and_nothing_changes(
    editor_client, site_pages
):
    contacts = site_pages["contacts"]
    response = editor_client.post(translate_url(contacts, "it"))
    assert response["Location"] == change_url(contacts)
    assert messages_of(response) == ["Questa pagina è già scritta in quella lingua."]
    contacts.refresh_from_db()
    assert contacts.translation_key is None
    assert Page.objects.count() == 4


def test_a_translated_title_gives_the_draft_its_own_slug(editor_client, editor, site_pages):
    draft = create_page_translation(page=site_pages["contacts"], language="en", author=editor)
    assert draft.slug == "contatti"  # copied with the Italian title
    sent = {
        "title": "Contact us",
        "slug": draft.slug,
        "parent": "",
        "body": "Write to us.",
        "body_format": "markdown",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "language": "en",
        "position": "0",
        "author": editor.pk,
    }
    response = editor_client.post(change_url(draft), sent)
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert (draft.slug, draft.path) == ("contact-us", "contact-us")
    assert Page.objects.get(pk=site_pages["contacts"].pk).slug == "contatti"


def test_translate_is_a_post(editor_client, site_pages):
    assert editor_client.get(translate_url(site_pages["contacts"], "en")).status_code == 405
    assert not Page.objects.filter(language="en", title="Contatti").exists()


def test_an_unknown_language_or_page_is_not_found(editor_client, site_pages):
    assert editor_client.post(translate_url(site_pages["contacts"], "xx")).status_code == 404
    missing = Page(pk=999_999)
    assert editor_client.post(translate_url(missing, "en")).status_code == 404


def test_authors_do_not_translate_pages(client, site_pages):
    client.force_login(staff_in("Authors", username="traduttrice"))
    assert client.post(translate_url(site_pages["contacts"], "en")).status_code == 403
    assert Page.objects.filter(language="en").count() == 1
