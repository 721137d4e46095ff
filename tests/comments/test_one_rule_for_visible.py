""" "Visible comment" is one rule (Comment.objects.visible()); the article page's count,
read through raw SQL (replies capped per thread) or in Python (all replies, or one
thread), agrees with it on random threads of every status."""

import random

import pytest
from django.test import override_settings

from comments.models import Comment, is_visible_among
from comments.threads import thread_page
from tests.comments.reader_helpers import make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def random_threads(post):
    """Sixty comments on random parents with random statuses, pending and spam included."""
    chooser = random.Random(22)
    statuses = [Comment.Status.APPROVED] * 4 + [
        Comment.Status.PENDING,
        Comment.Status.SPAM,
        Comment.Status.TRASH,
    ]
    comments = []
    for _ in range(60):
        parent = chooser.choice([None, None, *comments[-12:]]) if comments else None
        comments.append(make_comment(post, parent=parent, status=chooser.choice(statuses)))
    return comments


@pytest.mark.parametrize("cap", [None, 2])
def test_the_page_counts_what_visible_counts(post, random_threads, cap):
    expected = Comment.objects.for_post(post).visible().count()
    assert 0 < expected < len(random_threads)  # the sample hides some
    with override_settings(COMMENTS_REPLIES_PER_THREAD=cap, COMMENTS_PER_PAGE=100):
        assert thread_page(post).approved_count == expected


def test_the_python_spelling_matches_the_queryset(post, random_threads):
    by_id = {comment.pk: comment for comment in Comment.objects.for_post(post)}
    visible = set(Comment.objects.for_post(post).visible().values_list("pk", flat=True))
    assert {pk for pk, comment in by_id.items() if is_visible_among(comment, by_id)} == visible
