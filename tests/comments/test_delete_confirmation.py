"""A reader's own comment is deleted only once they confirm: the "Delete" link asks first (a
page without JavaScript, a dialog on the article with it), and only a POST deletes."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from comments.models import Comment
from tests.comments.reader_helpers import post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_comment(client, post):
    post_comment(client, post, body="Un commento da ripensare")
    return Comment.objects.get()


def delete_url(comment, language="it"):
    with translation.override(language):
        return reverse("comments:delete", args=[comment.pk])


def test_asking_to_delete_shows_the_comment_and_deletes_nothing(client, own_comment):
    response = client.get(delete_url(own_comment))

    assert response.status_code == 200
    page = response.text
    assert '<h1 id="delete-title">Eliminare questo commento?</h1>' in page
    assert "Un commento da ripensare" in page
    assert re.search(r"<form method=\"post\">\s*<input [^>]*csrfmiddlewaretoken", page)
    assert '<button type="submit" class="button button--danger">Elimina</button>' in page
    assert re.search(rf'<a href="[^"]*#comment-{own_comment.pk}">Annulla</a>', page)
    own_comment.refresh_from_db()
    assert own_comment.status == Comment.Status.PENDING


def test_the_question_is_asked_in_english_on_the_english_address(client, own_comment):
    page = client.get(delete_url(own_comment, "en")).text

    assert "Delete this comment?" in page
    assert ">Delete</button>" in page
    assert ">Cancel</a>" in page


def test_confirming_moves_the_comment_to_the_trash(client, post, own_comment):
    response = client.post(delete_url(own_comment))

    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    own_comment.refresh_from_db()
    assert own_comment.status == Comment.Status.TRASH


def test_another_browser_is_refused_the_question_and_the_deletion(own_comment):
    stranger = Client()

    assert stranger.get(delete_url(own_comment)).status_code == 403
    assert stranger.post(delete_url(own_comment)).status_code == 403
    own_comment.refresh_from_db()
    assert own_comment.status == Comment.Status.PENDING


def test_the_article_links_to_the_question_instead_of_deleting_in_one_click(
    client, post, own_comment
):
    page = client.get(post.get_absolute_url()).text

    url = delete_url(own_comment)
    assert f'<a class="comment-delete-link" href="{url}"' in page
    assert f'action="{url}"' not in page
    # The dialog comments.js opens, with the token its form posts.
    dialog = re.search(r'<dialog id="comment-delete-dialog".*?</dialog>', page, re.S).group(0)
    assert "Eliminare questo commento?" in dialog
    assert re.search(r'name="csrfmiddlewaretoken" value="\w+"', dialog)
    assert 'formmethod="dialog"' in dialog
    # A reader with nothing to delete gets no dialog (nor its token, on a page the cache keeps).
    Comment.objects.filter(pk=own_comment.pk).update(status=Comment.Status.APPROVED)
    page = Client().get(post.get_absolute_url()).text
    assert "Un commento da ripensare" in page
    assert "comment-delete" not in page
