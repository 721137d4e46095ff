"""The admin shows each article's language and translations, filters by language, and
creates an article's translation from the article ("Translate")."""

import pytest

from posts.models import Post
from tests.conftest import make_post
from tests.posts.conftest import staff_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/posts/post/"


def translate_url(post, language):
    return f"/admin/posts/post/{post.pk}/translate/{language}/"


def test_the_list_shows_language_and_translation_and_filters_by_language(admin_client, bilingual):
    text = admin_client.get(CHANGELIST).text
    assert f'href="/admin/posts/post/{bilingual["en"].pk}/change/" hreflang="en"' in text
    english = admin_client.get(CHANGELIST, {"language__exact": "en"})
    titles = {post.title for post in english.context["cl"].result_list}
    assert titles == {"Answering complaints", "Only in English"}


def test_the_change_form_offers_translate_only_into_missing_languages(admin_client, bilingual):
    untranslated = admin_client.get(f"/admin/posts/post/{bilingual['it_only'].pk}/change/")
    assert f'action="{translate_url(bilingual["it_only"], "en")}"' in untranslated.text
    assert "Traduci in inglese" in untranslated.text
    translated = admin_client.get(f"/admin/posts/post/{bilingual['it'].pk}/change/")
    assert "/translate/" not in translated.text
    assert "Answering complaints" in translated.text  # the link to the translation


def test_translate_creates_a_linked_english_draft_with_english_tags_and_opens_it(
    admin_client, bilingual
):
    source = bilingual["it_only"]
    response = admin_client.post(translate_url(source, "en"))
    source.refresh_from_db()
    translation = Post.objects.get(translation_key=source.translation_key, language="en")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/posts/post/{translation.pk}/change/"
    assert translation.status == Post.Status.DRAFT
    assert translation.body == source.body
    assert list(translation.tags.all()) == [bilingual["tag_en"]]
    assert translation.author == source.author
    assert list(source.translations()) == [translation]
    # Asking again opens the same translation instead of making a second one.
    again = admin_client.post(translate_url(source, "en"))
    assert again["Location"] == response["Location"]
    assert Post.objects.filter(translation_key=source.translation_key).count() == 2


def test_translate_is_a_post_and_refuses_unknown_languages(admin_client, bilingual):
    assert admin_client.get(translate_url(bilingual["it_only"], "en")).status_code == 405
    assert admin_client.post(translate_url(bilingual["it_only"], "xx")).status_code == 404


def test_an_author_translates_their_own_articles_only_and_writes_as_themselves(client):
    writer = staff_in("Authors", username="traduttrice")
    other = staff_in("Authors", username="altro")
    own = make_post(author=writer)
    theirs = make_post(author=other)
    client.force_login(writer)
    assert client.post(translate_url(theirs, "en")).status_code == 404
    response = client.post(translate_url(own, "en"))
    assert response.status_code == 302
    translation = Post.objects.get(language="en")
    assert translation.author == writer
    assert translation.translation_key == Post.objects.get(pk=own.pk).translation_key


def test_the_article_list_costs_the_same_queries_for_more_translated_articles(
    admin_client, author
):
    import uuid

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def translated_pair():
        key = uuid.uuid4()
        make_post(author=author, translation_key=key)
        make_post(author=author, translation_key=key, language="en")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(CHANGELIST).status_code == 200
        return len(captured)

    translated_pair()
    few = queries()
    for _ in range(5):
        translated_pair()
    assert queries() == few
