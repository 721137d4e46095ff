"""Choosing Published with no date publishes now; no database constraint message reaches a
person."""

from datetime import timedelta

import pytest
from django.utils import timezone

from posts.models import Post
from tests.posts.test_admin_authoring import CHANGELIST, post_form

pytestmark = pytest.mark.django_db


def test_published_without_a_date_is_published_now(client, writer):
    client.force_login(writer)
    before = timezone.now()
    response = client.post(f"{CHANGELIST}add/", post_form(status=Post.Status.PUBLISHED))
    assert response.status_code == 302
    post = Post.objects.get(slug="nuovo-articolo")
    assert post.status == Post.Status.PUBLISHED
    assert before <= post.published_at <= timezone.now()
    assert post in Post.objects.published()


def test_scheduled_without_a_date_gets_a_field_error_and_keeps_what_was_typed(client, writer):
    client.force_login(writer)
    response = client.post(
        f"{CHANGELIST}add/", post_form(status=Post.Status.SCHEDULED, body="Il mio testo")
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "published_at" in form.errors
    assert "post_published_has_date" not in response.content.decode()
    assert "vincolo" not in response.content.decode()
    assert form["body"].value() == "Il mio testo"
    assert not Post.objects.filter(slug="nuovo-articolo").exists()


def test_scheduled_with_a_date_is_saved_for_later(client, writer):
    client.force_login(writer)
    when = timezone.localtime() + timedelta(days=3)
    response = client.post(
        f"{CHANGELIST}add/",
        post_form(
            status=Post.Status.SCHEDULED,
            published_at_0=when.strftime("%d/%m/%Y"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    post = Post.objects.get(slug="nuovo-articolo")
    assert post.effective_status == Post.Status.SCHEDULED


def test_publishing_an_existing_draft_without_a_date_publishes_it_now(client, writer):
    client.force_login(writer)
    client.post(f"{CHANGELIST}add/", post_form())
    post = Post.objects.get(slug="nuovo-articolo")
    assert post.published_at is None
    response = client.post(
        f"{CHANGELIST}{post.pk}/change/", post_form(status=Post.Status.PUBLISHED)
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_published
