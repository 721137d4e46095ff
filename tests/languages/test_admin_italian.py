"""The Italian admin is Italian throughout, third-party apps included, with no article or
agreement that a model's gender could make wrong; the article form offers only the terms
of the article's language, and a translation gets its own slug."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from blogsite import catalogue
from posts.models import Post, Tag
from posts.services import create_translation
from tests.posts.test_admin_authoring import post_form

pytestmark = pytest.mark.django_db

ADD = "/admin/posts/post/add/"
# The same words in both languages.
SAME_IN_ITALIAN = {"ID", "Menu:"}


def in_language(entry, language):
    """One catalogue.py entry (a string marked with gettext_noop, or a lazy one) in language."""
    with translation.override(language):
        if isinstance(entry, str):
            return gettext(entry)
        return str(entry)


def test_every_word_our_catalogue_takes_over_is_translated_into_italian():
    for entry in (*catalogue.NEUTRAL, *catalogue.MISSING):
        english = in_language(entry, "en")
        assert in_language(entry, "it") != english or english in SAME_IN_ITALIAN, english
    for entry in catalogue.NEUTRAL_PLURAL:
        with translation.override("it"):
            assert entry % {"count": 2, "name": "tag"} == "Modifiche salvate: 2 tag."


def test_the_admin_index_is_italian_for_our_apps_and_the_others(admin_client):
    text = admin_client.get("/admin/").text
    for english in (
        "Media library",
        "Profiles",
        ">Reactions<",
        "Task Results",
        "Tasks Database Backend",
        "Model name",
        "Add link",
        "Change or view list link",
    ):
        assert english not in text, english
    for italian in (
        "Libreria multimediale",
        "Profili",
        ">Reazioni<",
        "Attività in background",
        "Risultati delle attività",
        "Categorie",
    ):
        assert italian in text, italian


def test_third_party_forms_and_lists_are_labelled_in_italian(admin_client):
    text = admin_client.get("/admin/socialaccount/socialapp/add/").text
    assert "Impostazioni" in text and "Siti" in text
    assert ">Settings:<" not in text and ">Sites:<" not in text
    text = admin_client.get("/admin/django_tasks_database/dbtaskresult/").text
    assert "Per nome della coda" in text and "Pronta" in text
    assert "queue name" not in text and ">Ready<" not in text
    assert 'alt="Cerca"' in admin_client.get("/admin/auth/group/").text


def test_saving_an_article_says_so_without_a_wrong_article(admin_client, admin_user, tag):
    response = admin_client.post(ADD, post_form(author=admin_user.pk, tags=[tag.pk]), follow=True)
    text = response.text
    assert "Elemento aggiunto: articolo “" in text
    assert "Il articolo" not in text and "Il immagine" not in text
    assert "Visualizza il utente" not in admin_client.get(ADD).text


def test_the_article_form_offers_only_the_terms_of_its_language(admin_client, bilingual):
    italian = admin_client.get(f"/admin/posts/post/{bilingual['it'].pk}/change/")
    form = italian.context["adminform"].form
    assert set(form.fields["tags"].queryset) == {bilingual["tag_it"]}
    assert set(form.fields["categories"].queryset) == {bilingual["category_it"]}
    english = admin_client.get(ADD, {"language": "en"}).context["adminform"].form
    assert set(english.fields["tags"].queryset) == {bilingual["tag_en"]}
    assert set(english.fields["categories"].queryset) == {bilingual["category_en"]}


def test_a_term_of_another_language_is_refused_with_a_message_and_nothing_saved(
    admin_client, admin_user, bilingual
):
    data = post_form(author=admin_user.pk, tags=[bilingual["tag_en"].pk])
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["tags"]
    assert "Qui si sceglie solo nella lingua dell'articolo" in errors[0]
    assert not Post.objects.filter(slug="nuovo-articolo").exists()
    assert "Nuovo articolo" in response.text  # what was typed is still there


def test_a_translation_gets_its_own_slug_from_its_translated_title(
    admin_client, admin_user, bilingual
):
    source = bilingual["it_only"]
    draft = create_translation(post=source, language="en", author=source.author)
    assert draft.slug == source.slug  # copied with the Italian title
    data = post_form(
        title="Only in Italian, now in English",
        slug=draft.slug,
        language="en",
        author=admin_user.pk,
        tags=[bilingual["tag_en"].pk],
    )
    response = admin_client.post(f"/admin/posts/post/{draft.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.slug == "only-in-italian-now-in-english"
    source.refresh_from_db()
    assert source.slug == "solo-in-italiano"


def test_a_published_translations_slug_is_never_changed_behind_its_back(
    admin_client, admin_user, bilingual
):
    english = bilingual["en"]
    data = post_form(
        title="Answering complaints, revised",
        slug=english.slug,
        language="en",
        status=Post.Status.PUBLISHED,
        published_at_0=english.published_at.date().isoformat(),
        published_at_1="10:00",
        author=admin_user.pk,
    )
    response = admin_client.post(f"/admin/posts/post/{english.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    english.refresh_from_db()
    assert english.slug == "answering-complaints"
    assert Tag.objects.filter(language="en").exists()
