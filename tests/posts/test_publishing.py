"""Drafts and scheduled articles stay out of every reader surface until they are due."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from posts.models import Post
from tests.conftest import make_post, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_posts(post, author, tag):
    """A draft and a scheduled post sharing the published post's tag and searchable words."""
    post.body = "zanzibar segretissima"
    post.save()
    draft = make_post(
        author=author,
        tags=[tag],
        title="Bozza segretissima",
        body="zanzibar",
        status=Post.Status.DRAFT,
        published_at=None,
    )
    scheduled = make_post(
        author=author,
        tags=[tag],
        title="Programmato segretissimo",
        body="zanzibar",
        published_at=timezone.now() + timedelta(days=3),
    )
    return draft, scheduled


def test_a_published_post_is_visible_to_readers(client, post):
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert post.title in response.text


def test_an_anonymous_reader_cannot_see_a_draft(client, draft_post):
    assert client.get(draft_post.get_absolute_url()).status_code == 404
    assert draft_post not in Post.objects.published()


def test_a_post_published_in_the_future_is_saved_as_scheduled_and_hidden(client, scheduled_post):
    assert scheduled_post.status == Post.Status.SCHEDULED
    assert client.get(scheduled_post.get_absolute_url()).status_code == 404


def test_a_scheduled_post_appears_by_itself_once_due(client, scheduled_post):
    Post.objects.filter(pk=scheduled_post.pk).update(
        published_at=timezone.now() - timedelta(minutes=1)
    )
    assert client.get(scheduled_post.get_absolute_url()).status_code == 200
    assert scheduled_post.title in client.get("/").text


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/tag/servizio-clienti/",
        "/autori/mrossi/",
        "/cerca/?q=zanzibar",
        "/cerca/?q=segretissima",
        "/feed/rss/",
        "/feed/atom/",
        "/tag/servizio-clienti/feed/rss/",
        "/tag/servizio-clienti/feed/atom/",
        "/sitemap.xml",
    ],
)
def test_drafts_and_future_posts_are_missing_from_every_reader_page(
    client, post, hidden_posts, url
):
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert post.slug in text
    for hidden in hidden_posts:
        assert hidden.title not in text
        assert hidden.slug not in text


def test_date_archives_hold_only_published_posts(client, post, hidden_posts):
    year, month = post.published_at.year, post.published_at.month
    for url in (f"/archivio/{year}/", f"/archivio/{year}/{month:02d}/"):
        text = client.get(url).text
        assert post.title in text
        assert "segretissim" not in text


def test_a_future_month_archive_is_not_found(client, post, scheduled_post):
    future = scheduled_post.published_at + timedelta(days=400)
    assert client.get(f"/archivio/{future.year}/{future.month:02d}/").status_code == 404


def test_an_author_whose_posts_are_all_unpublished_has_no_archive(client, draft_post):
    assert client.get(f"/autori/{draft_post.author.username}/").status_code == 404


def test_the_author_previews_their_own_draft(client, draft_post):
    client.force_login(draft_post.author)
    response = client.get(draft_post.get_preview_url())
    assert response.status_code == 200
    assert draft_post.title in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_author_previews_their_scheduled_post(client, scheduled_post):
    client.force_login(scheduled_post.author)
    assert client.get(scheduled_post.get_preview_url()).status_code == 200


def test_anonymous_readers_get_404_from_a_preview(client, draft_post):
    assert client.get(draft_post.get_preview_url()).status_code == 404


def test_another_author_gets_404_from_a_preview(client, draft_post):
    other = make_user()
    other.groups.add(Group.objects.get(name="Authors"))
    client.force_login(other)
    assert client.get(draft_post.get_preview_url()).status_code == 404


def test_editors_and_superusers_preview_any_draft(client, draft_post):
    editor = make_user()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(draft_post.get_preview_url()).status_code == 200
    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert client.get(draft_post.get_preview_url()).status_code == 200


def test_a_preview_url_is_keyed_by_id_not_by_the_public_slug(draft_post):
    assert draft_post.get_preview_url() == reverse("posts:preview", kwargs={"pk": draft_post.pk})
    assert draft_post.slug not in draft_post.get_preview_url()
