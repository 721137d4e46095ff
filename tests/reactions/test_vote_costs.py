"""What a vote costs: a new reader's first vote is one query on PostgreSQL, two elsewhere.

A reader's first vote is the busiest write of the site (bench/load.py measures its server CPU
beside /health/'s): the insert finds the published article itself and answers the counts and
the article's address (one statement on PostgreSQL; an insert and one read elsewhere), with
no transaction, lock or separate lookup around it, since the voter key was minted by this
very request. Returning readers keep the locked path; both answer with the counts as just
written.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from posts import cache as posts_cache
from posts.models import Post
from posts.reactions import conf, display
from posts.reactions.models import Reaction, ReactionBaseline, ReactionKind
from tests.conftest import make_post

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def first_vote_queries():
    # The insert with the counts and the address (PostgreSQL), or the insert, then the counts
    # with the address.
    return 1 if connection.vendor == "postgresql" else 2


# The article, the advisory lock (PostgreSQL), the locked lookup, the update, the counts,
# and the savepoint pair of the transaction a test runs in.
RETURNING_VOTE_QUERIES = 7


@pytest.fixture(autouse=True)
def italian():
    with translation.override("it"):
        yield


def react_url(post):
    return reverse("reactions:react", kwargs={"pk": post.pk})


def test_a_first_vote_with_javascript_costs_one_or_two_queries_and_answers_the_new_counts(
    post, django_assert_num_queries
):
    useful = ReactionKind.objects.get(code="useful")
    ReactionBaseline.objects.create(post=post, kind=useful, count=5)
    display.active_kinds()  # kept in the cache, as on every page of a running site
    client = Client()
    with django_assert_num_queries(first_vote_queries()):
        response = client.post(react_url(post), {"kind": "useful"}, **JSON)
    assert response.status_code == 200
    assert response.json()["counts"]["useful"] == 6
    assert response.json()["current"] == "useful"
    assert response.json()["action"] == "created"
    assert conf.VOTER_COOKIE_NAME in response.cookies
    assert Reaction.objects.get(post=post).kind == useful


def test_a_first_vote_without_javascript_costs_as_little_and_comes_back_to_the_row(
    post, django_assert_num_queries
):
    display.active_kinds()
    client = Client()
    with django_assert_num_queries(first_vote_queries()):
        response = client.post(react_url(post), {"kind": "love"})
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url() + "#reactions"
    assert Reaction.objects.get(post=post).kind.code == "love"
    page = client.get(response["Location"]).text
    assert "Grazie" in page


def test_a_returning_readers_switch_and_take_back_stay_bounded_and_correct(
    post, django_assert_max_num_queries
):
    display.active_kinds()
    client = Client()
    client.post(react_url(post), {"kind": "useful"}, **JSON)
    with django_assert_max_num_queries(RETURNING_VOTE_QUERIES):
        switched = client.post(react_url(post), {"kind": "love"}, **JSON)
    assert switched.json()["action"] == "switched"
    assert switched.json()["counts"]["useful"] == 0
    assert switched.json()["counts"]["love"] == 1
    with django_assert_max_num_queries(RETURNING_VOTE_QUERIES):
        taken_back = client.post(react_url(post), {"kind": "love"}, **JSON)
    assert taken_back.json()["action"] == "taken_back"
    assert taken_back.json()["current"] is None
    assert not Reaction.objects.filter(post=post).exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Post.Status.DRAFT},
        {"status": Post.Status.SCHEDULED, "published_at": timezone.now() + timedelta(days=1)},
        {"status": Post.Status.PUBLISHED, "published_at": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "scheduled", "published-in-the-future"],
)
def test_an_article_readers_cannot_see_takes_no_vote(fields):
    post = make_post(**fields)
    response = Client().post(react_url(post), {"kind": "useful"}, **JSON)
    assert response.status_code == 404
    assert not Reaction.objects.exists()


def test_a_scheduled_article_that_came_due_takes_votes():
    post = make_post(
        status=Post.Status.SCHEDULED, published_at=timezone.now() - timedelta(minutes=1)
    )
    response = Client().post(react_url(post), {"kind": "useful"}, **JSON)
    assert response.status_code == 200
    assert Reaction.objects.filter(post=post).count() == 1


def test_the_kinds_come_from_the_cache_and_a_flushed_cache_is_never_served_from_memory(post):
    kinds = display.active_kinds()
    assert "useful" in [kind.code for kind in kinds]
    # A change no signal announces, then the cache flushed (Redis restarted): the generation
    # starts again from 0, and the copy this process kept must not be taken for current.
    ReactionKind.objects.filter(code="useful").update(active=False)
    assert "useful" in [kind.code for kind in display.active_kinds()]  # still cached
    cache.clear()
    assert "useful" not in [kind.code for kind in display.active_kinds()]


def test_a_kind_saved_in_the_admin_is_seen_by_the_next_vote(post):
    display.active_kinds()
    useful = ReactionKind.objects.get(code="useful")
    useful.active = False
    useful.save()  # bumps the site's generation
    response = Client().post(react_url(post), {"kind": "useful"}, **JSON)
    assert response.status_code == 400
    state = Client().get(reverse("reactions:state", kwargs={"pk": post.pk})).json()
    assert "useful" not in state["counts"]


def test_a_site_value_computed_under_an_old_generation_is_computed_again(post):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert posts_cache.site_value("test-value", compute) == 1
    assert posts_cache.site_value("test-value", compute) == 1
    posts_cache.site_changed()
    assert posts_cache.site_value("test-value", compute) == 2
    assert posts_cache.site_value("test-value", compute) == 2


def test_this_process_keeps_a_bounded_number_of_site_values(db, monkeypatch):
    from posts import cache as posts_cache

    monkeypatch.setattr(posts_cache, "HELD_MAX", 5)
    for n in range(12):
        assert posts_cache.site_value(f"bounded:{n}", lambda n=n: n) == n
    assert len(posts_cache._held) <= 5
    assert posts_cache.site_value("bounded:11", lambda: "recomputed") == 11  # newest kept
