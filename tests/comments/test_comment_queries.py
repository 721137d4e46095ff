"""The article page costs the same number of queries whatever the number of comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.comments.reader_helpers import make_comment
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def seed(post, count):
    users = [make_user() for _ in range(3)]
    tops = []
    for n in range(count):
        if n % 3 == 0 or not tops:
            tops.append(make_comment(post, user=users[n % 3] if n % 2 else None))
        else:
            parent = tops[-1]
            make_comment(post, parent=parent, user=users[n % 3])


def count_queries(client, post):
    client.get(post.get_absolute_url())  # warm up (sessions, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def test_the_article_page_query_count_does_not_grow_with_the_comments(
    client, post, django_assert_num_queries
):
    from tests.conftest import make_post

    small = make_post(author=post.author)
    seed(small, 10)
    seed(post, 500)

    expected = count_queries(client, small)
    # post, its tags, previous and next, related, reaction counts, and every comment shown
    # with the counts worked out from those rows.
    assert expected <= 6
    client.get(post.get_absolute_url())
    with django_assert_num_queries(expected):
        response = client.get(post.get_absolute_url())
    assert "500 commenti" in response.text


def test_a_signed_in_readers_page_is_constant_too(client, post, reader):
    from tests.conftest import make_post

    client.force_login(reader)
    small = make_post(author=post.author)
    seed(small, 10)
    seed(post, 500)
    assert count_queries(client, small) == count_queries(client, post)
