"""List pages cost the same number of queries whatever the number of posts on them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from posts.reactions.models import Reaction, ReactionKind
from tests.conftest import make_post, make_tag

pytestmark = pytest.mark.django_db


def make_posts(count, *, author, tags):
    kind = ReactionKind.objects.first()
    for _ in range(count):
        post = make_post(author=author, tags=tags)
        Comment.objects.create(
            post=post,
            author_name="Lettore",
            author_email="lettore@example.com",
            body="Bello.",
            status=Comment.Status.APPROVED,
            submitted_at=post.published_at,
        )
        if kind:
            Reaction.objects.create(post=post, kind=kind, voter=f"a:{post.pk}")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/tag/servizio-clienti/", "/autori/mrossi/"])
def test_the_query_count_does_not_grow_with_the_number_of_posts(
    client, author, tag, url, django_assert_num_queries
):
    other_tag = make_tag()
    make_posts(3, author=author, tags=[tag, other_tag])
    few = count_queries(client, url)
    make_posts(22, author=author, tags=[tag, other_tag])
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.text.count('class="post-card"') == 10


def test_the_article_page_has_a_bounded_query_count(
    client, author, tag, django_assert_max_num_queries
):
    make_posts(10, author=author, tags=[tag])
    post = make_post(author=author, tags=[tag, make_tag(), make_tag()])
    # The first render after a write fills the cached footer lists and reaction kinds.
    assert client.get(post.get_absolute_url()).status_code == 200
    # post, its tags, previous and next, related, reaction counts, comments.
    with django_assert_max_num_queries(6):
        assert client.get(post.get_absolute_url()).status_code == 200
