"""An article's reaction total is one rule (the active kinds' votes plus their starting
counts): its row, its JSON state, its card and the ranking all show the same number, also
after a kind with votes was retired. Before, the JSON state and the cards counted the
retired kind's votes and the row's buttons did not."""

import pytest
from django.urls import reverse
from django.utils import translation

from posts.models import Post
from posts.reactions import display
from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction, set_starting_count
from posts.reactions.templatetags.reaction_tags import render_reactions
from posts.reactions.views import MostAppreciatedView
from posts.reactions.voters import anonymous_voter, new_anonymous_id
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def article_with_a_retired_kind(author):
    """Votes and starting counts on two kinds, then one of them retired: 3 + 4 stay."""
    kept, retired = list(ReactionKind.objects.active())[:2]
    post = make_post(author=author)
    for kind, votes, starting in ((kept, 3, 4), (retired, 2, 10)):
        set_starting_count(post=post, kind=kind, count=starting)
        for _ in range(votes):
            cast_reaction(post=post, kind=kind, voter=anonymous_voter(new_anonymous_id()))
    retired.active = False
    retired.save()
    return post


def test_row_state_card_and_ranking_agree_on_the_total(client, rf, article_with_a_retired_kind):
    post = article_with_a_retired_kind
    expected = 3 + 4
    with translation.override("it"):
        row = render_reactions({}, post)
        assert row["total_label"] == display.total_label(expected)
        assert sum(item["count"] for item in row["items"]) == expected

        state = client.get(reverse("reactions:state", kwargs={"pk": post.pk})).json()
        assert state["total"] == expected
        assert sum(state["counts"].values()) == expected

        listed = Post.objects.for_listing().get(pk=post.pk)
        display.card_summaries([listed])
        assert listed.reaction_summary["total"] == expected
        assert sum(item["count"] for item in listed.reaction_summary["items"]) == expected

        view = MostAppreciatedView()
        view.request = rf.get("/")
        assert view.get_queryset().get(pk=post.pk).appreciation == expected
