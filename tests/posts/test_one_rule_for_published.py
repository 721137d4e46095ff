""" "Published" is defined once (posts.models.published_q); every other reading of it, in
Python or SQL, agrees with it on the same random rows."""

import random
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from posts.admin.post import EffectiveStatusFilter
from posts.models import Page, Post, Tag
from posts.reactions import first_vote
from posts.reactions.models import Reaction, ReactionKind
from posts.reactions.views import _published_post_or_404
from posts.reactions.voters import anonymous_voter, new_anonymous_id
from posts.services import create_page
from tests.conftest import make_post
from wordpress.export import post_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def random_posts(author, tag):
    """Forty articles with random statuses and dates, written past save()'s derivation so
    that every combination the database allows occurs (published but not yet due, too)."""
    chooser = random.Random(22)
    now = timezone.now()
    posts = []
    for _ in range(40):
        post = make_post(author=author, tags=[tag])
        status = chooser.choice(Post.Status.values)
        moment = now + timedelta(minutes=chooser.randint(-3000, 3000))
        if status == Post.Status.DRAFT and chooser.random() < 0.5:
            moment = None
        Post.objects.filter(pk=post.pk).update(status=status, published_at=moment)
        posts.append(Post.objects.get(pk=post.pk))
    return posts


def vote_endpoint_finds(pk) -> bool:
    try:
        _published_post_or_404(pk)
    except Http404:
        return False
    return True


def first_vote_inserts(pk) -> bool:
    useful = ReactionKind.objects.get(code="useful")
    voter = anonymous_voter(new_anonymous_id())
    return first_vote.insert(post_id=pk, kind_id=useful.pk, voter=voter) is not None


def test_the_queryset_the_model_the_vote_sql_and_the_export_agree(random_posts):
    by_queryset = set(Post.objects.published().values_list("pk", flat=True))
    by_model = {post.pk for post in random_posts if post.is_published}
    by_vote_sql = {post.pk for post in random_posts if vote_endpoint_finds(post.pk)}
    by_first_vote_sql = {post.pk for post in random_posts if first_vote_inserts(post.pk)}
    exported = {post.pk for post in random_posts if post_status(post) == "publish"}
    assert 0 < len(by_queryset) < len(random_posts)  # the sample has both kinds
    assert by_queryset == by_model == by_vote_sql == by_first_vote_sql == exported
    voted = set(Reaction.objects.values_list("post_id", flat=True))
    assert voted == by_queryset  # the first vote inserted where, and only where, it found


def test_the_admins_status_filter_and_tag_count_agree_with_the_model(random_posts, tag, rf):
    admin = site._registry[Post]
    for status in Post.Status.values:
        chosen = EffectiveStatusFilter(
            RequestFactory().get("/"), {"effective_status": [status]}, Post, admin
        ).queryset(None, Post.objects.all())
        expected = {post.pk for post in random_posts if post.effective_status == status}
        assert set(chosen.values_list("pk", flat=True)) == expected, status
    counted = site._registry[Tag].get_queryset(rf.get("/")).get(pk=tag.pk).published_count
    assert counted == sum(post.is_published for post in random_posts)


def test_pages_seen_by_readers_are_the_published_ones(author):
    """Page.seen_by_readers (what posts/moves.py judges a moved page by) and the pages'
    published() agree, as the articles' rule does above."""
    chooser = random.Random(23)
    now = timezone.now()
    pages = []
    for number in range(30):
        page = create_page(title=f"Pagina {number}", author=author, body="x")
        moment = now + timedelta(minutes=chooser.randint(-3000, 3000))
        if chooser.random() < 0.2:
            moment = None
        status = chooser.choice(Page.Status.values)
        Page.objects.filter(pk=page.pk).update(status=status, published_at=moment)
        pages.append(Page.objects.get(pk=page.pk))
    by_queryset = set(Page.objects.published().values_list("pk", flat=True))
    by_values = {page.pk for page in pages if Page.seen_by_readers(page.status, page.published_at)}
    assert 0 < len(by_queryset) < len(pages)
    assert by_queryset == by_values
