from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.comments.reader_helpers import make_comment, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_comment(client, post):
    post_comment(client, post, body="Testo originale")
    return Comment.objects.get()


def test_the_commenter_can_edit_their_comment_within_the_window(client, own_comment):
    url = reverse("comments:edit", args=[own_comment.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"body": "Testo corretto"})

    assert response.status_code == 302
    own_comment.refresh_from_db()
    assert own_comment.body == "Testo corretto"
    assert own_comment.edited_at is not None


def test_an_invalid_edit_shows_the_typed_text_again(client, own_comment):
    response = client.post(reverse("comments:edit", args=[own_comment.pk]), {"body": " "})
    assert response.status_code == 400
    own_comment.refresh_from_db()
    assert own_comment.body == "Testo originale"


def test_another_browser_cannot_edit_or_delete_the_comment(own_comment):
    stranger = Client()
    edit = stranger.post(reverse("comments:edit", args=[own_comment.pk]), {"body": "Hackerato"})
    delete = stranger.post(reverse("comments:delete", args=[own_comment.pk]))
    assert edit.status_code == 403
    assert delete.status_code == 403
    own_comment.refresh_from_db()
    assert own_comment.body == "Testo originale"
    assert own_comment.status == Comment.Status.PENDING


def test_the_window_closes_after_the_configured_minutes(client, own_comment):
    Comment.objects.filter(pk=own_comment.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=16)
    )
    response = client.post(reverse("comments:edit", args=[own_comment.pk]), {"body": "Tardi"})
    assert response.status_code == 403

    with override_settings(COMMENTS_EDIT_WINDOW=30):
        response = client.post(reverse("comments:edit", args=[own_comment.pk]), {"body": "Ok"})
    assert response.status_code == 302


def test_the_commenter_can_delete_their_comment_which_goes_to_trash(client, post, own_comment):
    response = client.post(reverse("comments:delete", args=[own_comment.pk]))
    assert response.status_code == 302
    own_comment.refresh_from_db()
    assert own_comment.status == Comment.Status.TRASH
    assert own_comment.spam_reasons[-1]["check"] == "author.deleted"


def test_edit_and_delete_links_show_only_to_the_commenters_browser(client, post, own_comment):
    edit_url = reverse("comments:edit", args=[own_comment.pk])
    assert edit_url in client.get(post.get_absolute_url()).content.decode()
    own_comment.status = Comment.Status.APPROVED
    own_comment.save()
    assert edit_url not in Client().get(post.get_absolute_url()).content.decode()


def test_an_edited_approved_comment_goes_back_through_the_rules(client, post):
    post_comment(client, post, body="Primo")
    first = Comment.objects.get()
    Comment.objects.filter(pk=first.pk).update(status=Comment.Status.APPROVED)
    post_comment(client, post, body="Secondo, approvato perché fidato")
    second = Comment.objects.get(body__startswith="Secondo")
    assert second.status == Comment.Status.APPROVED

    many_links = "https://a.example https://b.example https://c.example"
    client.post(reverse("comments:edit", args=[second.pk]), {"body": many_links})

    second.refresh_from_db()
    assert second.status == Comment.Status.PENDING
    assert any(r["check"] == "moderation.too-many-links" for r in second.spam_reasons)


def test_a_harmless_edit_of_a_trusted_commenters_comment_stays_approved(client, post):
    post_comment(client, post, body="Primo")
    Comment.objects.update(status=Comment.Status.APPROVED)
    post_comment(client, post, body="Secondo")
    second = Comment.objects.get(body="Secondo")
    client.post(reverse("comments:edit", args=[second.pk]), {"body": "Secondo, corretto"})
    second.refresh_from_db()
    assert second.status == Comment.Status.APPROVED


def test_a_comment_not_from_this_browser_is_never_editable_even_if_recent(client, post):
    other = make_comment(post)
    response = client.post(reverse("comments:edit", args=[other.pk]), {"body": "x y"})
    assert response.status_code == 403
