"""Two editors press "Translate" on the same article (or page) into the same language at the
same moment: the first one's translation is made, and the second editor is taken to it with
the usual "already has that translation" notice, never a 500 or a second translation.

The other editor's translation lands where a real race puts it: after this request checked
for one, either before its transaction starts (it then sees the translation: SQLite, whose
writers queue, only ever gets this one) or, on PostgreSQL, between its checks and its insert
(the database's one-per-language constraint refuses the insert)."""

import threading
import uuid

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import Client

from posts.models import Page, Post
from posts.services import create_page, create_page_translation, create_translation
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

ARTICLE_EXISTS = "Questo articolo ha già quella traduzione: eccola."
PAGE_EXISTS = "Questa pagina ha già quella traduzione: eccola."


def translate_url(item, language):
    return f"/admin/posts/{item._meta.model_name}/{item.pk}/translate/{language}/"


def change_url(item):
    return f"/admin/posts/{item._meta.model_name}/{item.pk}/change/"


def english_versions(item):
    item.refresh_from_db()
    return list(type(item).objects.filter(translation_key=item.translation_key, language="en"))


def notices(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def when_its_transaction_starts(other_editor):
    """Run other_editor() once, right before the request's "Translate" opens its savepoint
    (after its own check found no translation), on the same connection: what the other
    editor commits there is in place before this request's transaction starts."""
    done = []

    def wrapper(execute, sql, params, many, context):
        if not done and sql.startswith("SAVEPOINT"):
            done.append(True)
            other_editor()
        return execute(sql, params, many, context)

    return connection.execute_wrapper(wrapper), done


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def test_a_translate_from_an_article_read_before_its_first_translation_finds_that_one(author):
    post = make_post(author=author, title="Come rispondere ai reclami")
    read_earlier = Post.objects.get(pk=post.pk)  # no translation key yet
    first = create_translation(post=post, language="en", author=author)
    with pytest.raises(ValidationError, match="ha già una traduzione in quella lingua"):
        create_translation(post=read_earlier, language="en", author=author)
    assert english_versions(post) == [first]  # the article kept the key it shares with it


def test_an_article_translated_by_another_editor_meanwhile_opens_their_translation(
    editor_client, author
):
    post = make_post(author=author, title="Come rispondere ai reclami")
    theirs = []
    hook, done = when_its_transaction_starts(
        lambda: theirs.append(
            create_translation(post=Post.objects.get(pk=post.pk), language="en", author=author)
        )
    )
    with hook:
        response = editor_client.post(translate_url(post, "en"))
    assert done
    assert response.status_code == 302
    assert response["Location"] == change_url(theirs[0])
    assert ARTICLE_EXISTS in notices(response)
    assert english_versions(post) == theirs


def test_a_page_translated_by_another_editor_meanwhile_opens_their_translation(
    editor_client, author
):
    page = create_page(title="Chi siamo", author=author, body="x", status=Page.Status.PUBLISHED)
    theirs = []
    hook, done = when_its_transaction_starts(
        lambda: theirs.append(
            create_page_translation(
                page=Page.objects.get(pk=page.pk), language="en", author=author
            )
        )
    )
    with hook:
        response = editor_client.post(translate_url(page, "en"))
    assert done
    assert response["Location"] == change_url(theirs[0])
    assert PAGE_EXISTS in notices(response)
    assert english_versions(page) == theirs


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_translation_committed_between_the_checks_and_the_insert_is_opened_not_a_500(
    editor, author
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite queues writers: the insert cannot lose this race there")
    post = make_post(author=author, title="Come rispondere ai reclami")
    # A key already (a translation into a third language, say): nothing locks the article.
    Post.objects.filter(pk=post.pk).update(translation_key=uuid.uuid4())
    at_insert, theirs_committed = threading.Event(), threading.Event()
    outcome = {}

    def pause_before_the_insert(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{Post._meta.db_table}"') and not at_insert.is_set():
            at_insert.set()
            theirs_committed.wait(timeout=30)
        return execute(sql, params, many, context)

    def second_editor():
        try:
            client = Client()
            client.force_login(editor)
            with connection.execute_wrapper(pause_before_the_insert):
                outcome["response"] = client.post(translate_url(post, "en"))
        except Exception as error:  # noqa: BLE001 (the test inspects it)
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=second_editor)
    thread.start()
    assert at_insert.wait(timeout=30)
    theirs = create_translation(post=Post.objects.get(pk=post.pk), language="en", author=author)
    theirs_committed.set()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert "error" not in outcome, outcome.get("error")
    response = outcome["response"]
    assert response.status_code == 302
    assert response["Location"] == change_url(theirs)
    assert ARTICLE_EXISTS in notices(response)
    assert english_versions(post) == [theirs]
