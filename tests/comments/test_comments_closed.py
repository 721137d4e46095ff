from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from comments.models import Comment
from comments.moderation import comments_are_open
from tests.comments.reader_helpers import make_comment, post_comment
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


def test_a_closed_article_shows_a_notice_instead_of_the_form(client, post):
    make_comment(post, body="Commento precedente")
    post.comments_open = False
    post.save()

    html = client.get(post.get_absolute_url()).content.decode()

    assert "I commenti sono chiusi." in html
    assert 'id="commentform"' not in html
    assert "Commento precedente" in html
    assert "replyto=" not in html


def test_posting_to_a_closed_article_is_refused_with_a_message(client, post):
    post.comments_open = False
    post.save()

    response = post_comment(client, post, body="Troppo tardi")

    assert response.status_code == 302
    assert not Comment.objects.exists()
    html = client.get(response["Location"]).content.decode()
    assert "I commenti sono chiusi per questo articolo." in html


@override_settings(COMMENTS_CLOSE_AFTER_DAYS=30)
def test_comments_close_automatically_after_the_site_wide_age(client):
    old = make_post(published_at=timezone.now() - timedelta(days=31))
    recent = make_post(published_at=timezone.now() - timedelta(days=29))
    assert not comments_are_open(old)
    assert comments_are_open(recent)
    post_comment(client, old, body="Vecchio")
    assert not Comment.objects.exists()


@override_settings(COMMENTS_CLOSE_AFTER_DAYS=30)
def test_the_articles_own_age_overrides_the_site_default(client):
    longer = make_post(
        published_at=timezone.now() - timedelta(days=60), comments_close_after_days=90
    )
    shorter = make_post(
        published_at=timezone.now() - timedelta(days=10), comments_close_after_days=5
    )
    assert comments_are_open(longer)
    assert not comments_are_open(shorter)


def test_without_an_age_comments_stay_open(post):
    post.published_at = timezone.now() - timedelta(days=3650)
    assert comments_are_open(post)


def test_posting_to_a_draft_is_not_found(client, draft_post):
    assert post_comment(client, draft_post).status_code == 404


def test_opening_the_posting_address_leads_to_the_article_form_never_405(client, post):
    response = client.get(f"/comments/post/{post.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#respond"
