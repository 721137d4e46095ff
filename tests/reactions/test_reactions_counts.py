"""Reaction counts on list pages cost a constant number of queries, however many cards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter, new_anonymous_id
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def italian():
    with translation.override("it"):
        yield


def posts_with_votes(count, author):
    kinds = list(ReactionKind.objects.active())
    posts = [make_post(author=author) for _ in range(count)]
    for n, post in enumerate(posts):
        for vote in range(n % 4 + 1):
            cast_reaction(
                post=post,
                kind=kinds[(n + vote) % len(kinds)],
                voter=anonymous_voter(new_anonymous_id()),
            )
    return posts


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.text


def test_the_most_appreciated_page_of_twenty_costs_as_many_queries_as_a_page_of_two(
    client, author
):
    posts_with_votes(2, author)
    few, _ = queries_for(client, reverse("reactions:most-appreciated"))
    posts_with_votes(30, author)
    many, html = queries_for(client, reverse("reactions:most-appreciated"))
    assert html.count('class="reaction-summary"') == 20
    assert many == few


def test_the_home_page_shows_per_kind_counts_in_constant_queries(client, author):
    posts_with_votes(1, author)
    few, _ = queries_for(client, reverse("posts:index"))
    posts_with_votes(12, author)
    many, html = queries_for(client, reverse("posts:index"))
    assert html.count('class="reaction-summary"') == 10  # a full page
    assert many == few


def test_a_card_shows_the_kinds_most_voted_first_and_the_total(client, author):
    post = make_post(author=author)
    useful, love = ReactionKind.objects.get(code="useful"), ReactionKind.objects.get(code="love")
    for kind in (love, love, useful):
        cast_reaction(post=post, kind=kind, voter=anonymous_voter(new_anonymous_id()))
    html = client.get(reverse("posts:index")).text
    assert "3 reazioni" in html
    assert html.index("Mi piace:") < html.index("Utile:")


def test_a_card_without_votes_shows_no_counts(client, post):
    assert 'class="reaction-summary"' not in client.get(reverse("posts:index")).text


def test_an_articles_counts_add_its_starting_counts_to_the_votes_cast_here(author):
    from posts.reactions.models import ReactionBaseline, counts_for_post

    first, second = list(ReactionKind.objects.active())[:2]
    post = make_post(author=author)
    ReactionBaseline.objects.create(post=post, kind=first, count=55)
    ReactionBaseline.objects.create(post=post, kind=second, count=7)
    for _ in range(2):
        cast_reaction(post=post, kind=first, voter=anonymous_voter(new_anonymous_id()))
    other = make_post(author=author)
    ReactionBaseline.objects.create(post=other, kind=first, count=100)
    with CaptureQueriesContext(connection) as captured:
        counts = counts_for_post(post)
    assert counts == {first.pk: 57, second.pk: 7}
    assert len(captured) == 1


def test_a_card_shows_the_reaction_total_once_starting_counts_included(client, author):
    from posts.reactions.services import set_starting_count

    post = make_post(author=author, title="Con i voti di WordPress")
    useful = ReactionKind.objects.get(code="useful")
    set_starting_count(post=post, kind=useful, count=4)  # imported from the old site
    cast_reaction(post=post, kind=useful, voter=anonymous_voter(new_anonymous_id()))
    card = client.get(reverse("posts:index")).text.split('<article class="post-card')[1]
    assert card.count("reazioni") == 1
    assert "5 reazioni" in card
