import pytest

from posts.models import Post

pytestmark = pytest.mark.django_db


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
