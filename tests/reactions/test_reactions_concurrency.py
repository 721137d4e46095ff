"""Counts never drift under concurrent votes: real threads against PostgreSQL.

SQLite serializes writers on one file lock, so these races only exist (and are only worth
testing) on PostgreSQL, where many app servers share the database.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import override_settings

from posts.reactions.models import Reaction, ReactionKind
from posts.reactions.services import ReactionLimitReached, cast_reaction
from posts.reactions.voters import anonymous_voter, new_anonymous_id

# Real transactions: the threads must see each other's commits.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL only (SQLite serializes writers)")


def run_together(calls):
    """Run each call in its own thread, released at once; return results or exceptions."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 (the test inspects every outcome)
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def test_fifty_different_voters_voting_at_once_give_exactly_fifty(post):
    useful = ReactionKind.objects.get(code="useful")
    voters = [anonymous_voter(new_anonymous_id()) for _ in range(50)]
    outcomes = run_together(
        [
            lambda voter=voter, n=n: cast_reaction(
                post=post, kind=useful, voter=voter, ip=f"10.1.{n}.1"
            )
            for n, voter in enumerate(voters)
        ]
    )
    assert [type(o).__name__ for o in outcomes] == ["ReactionResult"] * 50
    assert Reaction.objects.filter(post=post).count() == 50
    assert Reaction.objects.filter(post=post).counts_by_kind() == {useful.pk: 50}


def twenty_concurrent_switches(post, *, prefix):
    """One voter clicks twenty different kinds at once; return each click's outcome.

    Twenty distinct kinds, so no click repeats another's kind and takes the vote back.
    """
    kinds = [ReactionKind.objects.create(code=f"{prefix}{n}") for n in range(20)]
    voter = anonymous_voter(new_anonymous_id())
    return run_together(
        [lambda kind=kind: cast_reaction(post=post, kind=kind, voter=voter) for kind in kinds]
    )


def test_one_voter_firing_twenty_concurrent_switches_keeps_exactly_one_reaction(post):
    outcomes = twenty_concurrent_switches(post, prefix="k")
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert sorted(o.action for o in outcomes) == ["created"] + ["switched"] * 19
    assert Reaction.objects.filter(post=post).count() == 1
    counts = Reaction.objects.filter(post=post).counts_by_kind()
    assert sum(counts.values()) == 1


def test_concurrent_clicks_on_mixed_kinds_never_leave_more_than_one_reaction(post):
    kinds = list(ReactionKind.objects.active())
    clicks = [kinds[n % len(kinds)] for n in range(20)]
    voter = anonymous_voter(new_anonymous_id())
    outcomes = run_together(
        [lambda kind=kind: cast_reaction(post=post, kind=kind, voter=voter) for kind in clicks]
    )
    assert not [o for o in outcomes if isinstance(o, Exception)]
    stored = Reaction.objects.filter(post=post).count()
    assert stored in (0, 1)
    # Every vote was applied in some order: the net of creations and take-backs is what
    # the database holds.
    actions = [o.action for o in outcomes]
    assert actions.count("created") - actions.count("taken_back") == stored


@override_settings(REACTIONS_IP_HOURLY_LIMIT=20)
@pytest.mark.parametrize(
    "new_voter",
    [False, True],  # True: the first-vote path (a key minted by the request: no lock)
    ids=["locked path", "first-vote path"],
)
def test_thirty_new_voters_from_one_address_at_once_lose_no_vote_and_the_cap_holds(
    post, new_voter
):
    useful = ReactionKind.objects.get(code="useful")
    outcomes = run_together(
        [
            lambda: cast_reaction(
                post=post,
                kind=useful,
                voter=anonymous_voter(new_anonymous_id()),
                ip="10.9.9.9",
                new_voter=new_voter,
            )
            for _ in range(30)
        ]
    )
    accepted = [o for o in outcomes if not isinstance(o, Exception)]
    refused = [o for o in outcomes if isinstance(o, ReactionLimitReached)]
    assert len(accepted) == 20
    assert len(refused) == 10
    assert all(o.action == "created" for o in accepted)
    assert Reaction.objects.filter(post=post).count() == 20


def test_without_the_advisory_lock_the_unique_constraint_still_keeps_one_reaction(
    post, monkeypatch
):
    # The second line of defence, alone (as on a database without advisory locks): racing
    # first votes lose on the unique constraint inside a savepoint and switch the winner's
    # row instead.
    from posts.reactions import services

    monkeypatch.setattr(services, "_serialize_voter", lambda **kwargs: None)
    outcomes = twenty_concurrent_switches(post, prefix="r")
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert sorted(o.action for o in outcomes) == ["created"] + ["switched"] * 19
    assert Reaction.objects.filter(post=post).count() == 1
