"""cast_reaction and the login merge: vote, switch, take back, cap, require-login."""

import pytest
from django.test import override_settings
from django.utils import translation

from posts.reactions.models import Reaction, ReactionKind
from posts.reactions.services import (
    CREATED,
    SWITCHED,
    TAKEN_BACK,
    LoginRequired,
    ReactionClosed,
    ReactionLimitReached,
    cast_reaction,
    merge_anonymous_reactions,
)
from posts.reactions.voters import anonymous_voter, new_anonymous_id, user_voter
from tests.conftest import make_post

pytestmark = pytest.mark.django_db


def kind(code):
    return ReactionKind.objects.get(code=code)


def anonymous():
    return anonymous_voter(new_anonymous_id())


def test_the_data_migration_creates_six_kinds_in_italian_and_english():
    kinds = list(ReactionKind.objects.active())
    assert len(kinds) == 6
    assert all({row.language for row in k.labels.all()} == {"it", "en"} for k in kinds)
    assert all(k.emoji for k in kinds)
    assert kind("useful").label_in("it") == "Utile"
    assert kind("useful").label_in("en") == "Useful"


def test_a_first_vote_creates_one_reaction_and_returns_the_counts(post):
    voter = anonymous()
    result = cast_reaction(post=post, kind=kind("useful"), voter=voter, ip="10.0.0.1")
    assert result.action == CREATED
    assert result.current == kind("useful")
    assert result.counts == {kind("useful").pk: 1}
    assert result.total == 1
    assert Reaction.objects.get(post=post).voter == voter


def test_voting_another_kind_switches_the_reaction(post):
    voter = anonymous()
    cast_reaction(post=post, kind=kind("useful"), voter=voter)
    result = cast_reaction(post=post, kind=kind("funny"), voter=voter)
    assert result.action == SWITCHED
    assert result.counts == {kind("funny").pk: 1}
    assert Reaction.objects.filter(post=post).count() == 1


def test_voting_the_current_kind_again_takes_the_reaction_back(post):
    voter = anonymous()
    cast_reaction(post=post, kind=kind("love"), voter=voter)
    result = cast_reaction(post=post, kind=kind("love"), voter=voter)
    assert result.action == TAKEN_BACK
    assert result.current is None
    assert result.total == 0
    assert not Reaction.objects.filter(post=post).exists()


def test_counts_add_up_the_votes_of_different_readers(post, reader):
    cast_reaction(post=post, kind=kind("love"), voter=anonymous())
    cast_reaction(post=post, kind=kind("love"), voter=anonymous())
    result = cast_reaction(post=post, kind=kind("useful"), voter=user_voter(reader), user=reader)
    assert result.counts == {kind("love").pk: 2, kind("useful").pk: 1}
    assert Reaction.objects.get(voter=user_voter(reader)).user == reader


def test_a_vote_on_an_unpublished_article_or_inactive_kind_is_refused(draft_post, post):
    with pytest.raises(ReactionClosed):
        cast_reaction(post=draft_post, kind=kind("useful"), voter=anonymous())
    retired = kind("funny")
    retired.active = False
    retired.save()
    with pytest.raises(ReactionClosed):
        cast_reaction(post=post, kind=retired, voter=anonymous())
    assert not Reaction.objects.exists()


def test_a_signed_in_reader_cannot_vote_with_someone_elses_key(post, reader):
    with pytest.raises(ValueError):
        cast_reaction(post=post, kind=kind("useful"), voter="u:999999", user=reader)
    assert not Reaction.objects.exists()


@override_settings(REACTIONS_IP_HOURLY_LIMIT=3)
@translation.override("it")
def test_new_anonymous_votes_from_one_ip_are_capped_per_article_and_hour(post):
    for _ in range(3):
        cast_reaction(post=post, kind=kind("useful"), voter=anonymous(), ip="10.0.0.9")
    with pytest.raises(ReactionLimitReached) as refused:
        cast_reaction(post=post, kind=kind("useful"), voter=anonymous(), ip="10.0.0.9")
    assert str(refused.value.message) == str(ReactionLimitReached.message)
    assert "Troppe nuove reazioni" in translation.gettext(ReactionLimitReached.message)
    assert Reaction.objects.filter(post=post).count() == 3
    # Another address, and the same address on another article, are still welcome.
    cast_reaction(post=post, kind=kind("useful"), voter=anonymous(), ip="10.0.0.10")
    cast_reaction(post=make_post(), kind=kind("useful"), voter=anonymous(), ip="10.0.0.9")


@override_settings(REACTIONS_IP_HOURLY_LIMIT=1)
def test_the_cap_counts_new_votes_only_so_readers_can_still_switch(post):
    voter = anonymous()
    cast_reaction(post=post, kind=kind("useful"), voter=voter, ip="10.0.0.9")
    result = cast_reaction(post=post, kind=kind("love"), voter=voter, ip="10.0.0.9")
    assert result.action == SWITCHED


@override_settings(REACTIONS_IP_HOURLY_LIMIT=1)
def test_signed_in_readers_are_not_capped_by_ip(post):
    cast_reaction(post=post, kind=kind("useful"), voter=anonymous(), ip="10.0.0.9")
    for user in (make_post().author, make_post().author):
        cast_reaction(
            post=post, kind=kind("useful"), voter=user_voter(user), user=user, ip="10.0.0.9"
        )
    assert Reaction.objects.filter(post=post).count() == 3


@override_settings(REACTIONS_IP_HOURLY_LIMIT=0)
def test_a_limit_of_zero_means_no_cap(post):
    for _ in range(30):
        cast_reaction(post=post, kind=kind("useful"), voter=anonymous(), ip="10.0.0.9")
    assert Reaction.objects.filter(post=post).count() == 30


@override_settings(REACTIONS_REQUIRE_LOGIN=True)
def test_when_login_is_required_anonymous_votes_are_refused(post, reader):
    with pytest.raises(LoginRequired):
        cast_reaction(post=post, kind=kind("useful"), voter=anonymous())
    assert not Reaction.objects.exists()
    cast_reaction(post=post, kind=kind("useful"), voter=user_voter(reader), user=reader)
    assert Reaction.objects.get().user == reader


def test_signing_in_moves_anonymous_reactions_to_the_account(post, reader):
    other = make_post()
    voter = anonymous()
    cast_reaction(post=post, kind=kind("useful"), voter=voter)
    cast_reaction(post=other, kind=kind("funny"), voter=voter)
    assert merge_anonymous_reactions(anonymous_voter=voter, user=reader) == 2
    assert not Reaction.objects.filter(voter=voter).exists()
    mine = Reaction.objects.filter(voter=user_voter(reader), user=reader)
    assert {(r.post_id, r.kind.code) for r in mine} == {(post.pk, "useful"), (other.pk, "funny")}


def test_the_accounts_own_reaction_wins_over_the_anonymous_one(post, reader):
    voter = anonymous()
    cast_reaction(post=post, kind=kind("useful"), voter=voter)
    cast_reaction(post=post, kind=kind("love"), voter=user_voter(reader), user=reader)
    assert merge_anonymous_reactions(anonymous_voter=voter, user=reader) == 0
    assert [(r.voter, r.kind.code) for r in Reaction.objects.filter(post=post)] == [
        (user_voter(reader), "love")
    ]
