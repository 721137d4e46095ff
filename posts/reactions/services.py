"""Writes to articles' reactions. Views, the login hook and the bench all call these.

Counts are never stored: they are aggregated from the reactions in one grouped query, so
they cannot drift from the votes. The unique (post, voter) constraint is the one-per-reader
rule. On PostgreSQL one voter's concurrent votes on one article queue on an advisory lock;
should an insert still lose a race (a sign-in merge, another database), it fails with an
IntegrityError inside a savepoint and the vote is applied to the winner's row, locked.
A new reader's first vote needs none of that: its voter key was minted by the request, so no
other request can hold it, and the vote is one INSERT (the busiest write of the site).
"""

import contextlib
import functools
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blogsite.cache_backend import count_in_window
from posts import cache as posts_cache
from posts.models import Post
from posts.reactions import conf
from posts.reactions.models import (
    Reaction,
    ReactionBaseline,
    ReactionKind,
    add_up_counts,
    counts_for_post,
    counts_params,
    counts_sql,
)
from posts.reactions.voters import user_voter

CREATED = "created"
SWITCHED = "switched"
TAKEN_BACK = "taken_back"

# An insert that loses a race retries against the winner's row; the winner may itself be
# taken back in the meantime, so allow a few rounds before giving up.
MAX_ATTEMPTS = 5
CAP_TIMEOUT = 60 * 60 + 60  # the clock hour in the key, and a minute of slack


class ReactionRefused(Exception):
    """A vote the rules refuse; nothing changed. `message` is shown to the reader."""

    code = "refused"
    message = _("Your reaction could not be recorded.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class ReactionClosed(ReactionRefused):
    code = "closed"
    message = _("This article does not accept reactions.")


class LoginRequired(ReactionRefused):
    code = "login_required"
    message = _("Please sign in to react to articles.")


class ReactionLimitReached(ReactionRefused):
    code = "limit_reached"
    message = _(
        "Too many new reactions to this article from your network in the last hour. "
        "Please try again later."
    )


@dataclass(frozen=True)
class ReactionResult:
    """The reader's reaction after a vote and the article's counts, both as just written."""

    action: str
    current: ReactionKind | None
    counts: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def cast_reaction(
    *,
    post: Post,
    kind: ReactionKind,
    voter: str,
    user=None,
    ip: str | None = None,
    new_voter: bool = False,
) -> ReactionResult:
    """Record `voter`'s reaction: a first vote, a switch to `kind`, or, when `kind` is
    already their choice, taking it back.

    `new_voter` says the anonymous voter key was minted for this very request
    (voters.new_anonymous_id: 256 random bits), so no row can hold it yet and nothing can
    race with it: the vote is a plain insert, with no lock, lookup or savepoint.

    Anonymous first votes count against the per-IP hourly cap; raise a ReactionRefused
    subclass, with nothing changed, when a rule says no.
    """
    if not post.is_published or not kind.active:
        raise ReactionClosed
    if user is not None and voter != user_voter(user):
        raise ValueError("A signed-in reader votes with their account's voter key.")
    if user is None and conf.reaction_settings.REQUIRE_LOGIN:
        raise LoginRequired
    if new_voter and user is None:
        return _first_vote_of_new_voter(post=post, kind=kind, voter=voter, ip=ip)
    return _cast(post=post, kind=kind, voter=voter, user=user, ip=ip)


def _first_vote_of_new_voter(*, post: Post, kind: ReactionKind, voter: str, ip) -> ReactionResult:
    reaction = Reaction(post=post, kind=kind, voter=voter)
    reaction.full_clean(
        exclude=["post", "kind", "user"], validate_unique=False, validate_constraints=False
    )
    reserved = _reserve_anonymous_vote(post=post, ip=ip)
    try:
        counts = _insert_and_count(reaction)
    except BaseException:
        if reserved:
            _release_anonymous_vote(post=post, ip=ip)
        raise
    posts_cache.votes_changed(post_id=post.pk)  # as the post_save receiver does for a save()
    return ReactionResult(action=CREATED, current=kind, counts=counts)


def _insert_and_count(reaction: Reaction) -> dict[int, int]:
    """INSERT the validated new row and return the article's counts with it.

    The insert is one statement, atomic by itself: no transaction to open and commit around
    it. On PostgreSQL the counts come back from the same statement (the insert in a WITH
    clause, whose new row the count adds: the rest of the statement does not see it); on
    other databases they are a second query. Written out once rather than built by the ORM
    on every first vote: compiling cost more CPU than the database took to run them.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [reaction.post_id, reaction.kind_id, reaction.voter, now, now]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_insert_sql(connection.vendor), params)
        return counts_for_post(reaction.post)
    with connection.cursor() as cursor:
        cursor.execute(
            _insert_and_count_sql(connection.vendor), [*params, *counts_params(reaction.post)]
        )
        return add_up_counts(cursor.fetchall())


@functools.cache
def _insert_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ("post_id", "kind_id", "voter", "user_id", "created_at", "updated_at")
    return (
        f"INSERT INTO {quote(Reaction._meta.db_table)}"
        f" ({', '.join(quote(column) for column in columns)})"
        " VALUES (%s, %s, %s, NULL, %s, %s)"
    )


@functools.cache
def _insert_and_count_sql(vendor: str) -> str:
    kind_id = connection.ops.quote_name("kind_id")
    return (
        f"WITH new AS ({_insert_sql(vendor)} RETURNING {kind_id}) "
        f"{counts_sql(vendor)} UNION ALL SELECT {kind_id}, 1 FROM new"
    )


@transaction.atomic
def _cast(*, post: Post, kind: ReactionKind, voter: str, user, ip) -> ReactionResult:
    _serialize_voter(post=post, voter=voter)
    for _attempt in range(MAX_ATTEMPTS):
        existing = Reaction.objects.select_for_update().filter(post=post, voter=voter).first()
        if existing is not None:
            action = _switch_or_take_back(existing, kind)
            break
        reaction = Reaction(post=post, kind=kind, voter=voter, user=user)
        # The database checks uniqueness (a Python check would race) and the related rows
        # are instances already: validate the fields only.
        reaction.full_clean(
            exclude=["post", "kind", "user"], validate_unique=False, validate_constraints=False
        )
        reserved = user is None and _reserve_anonymous_vote(post=post, ip=ip)
        try:
            with transaction.atomic():  # a savepoint: the outer transaction survives
                reaction.save(force_insert=True)
        except IntegrityError:
            # The same voter's concurrent request inserted first: undo our cap reservation
            # and apply this vote to their row on the next round.
            if reserved:
                _release_anonymous_vote(post=post, ip=ip)
            continue
        action = CREATED
        break
    else:
        raise ReactionRefused

    counts = counts_for_post(post)
    current = None if action == TAKEN_BACK else kind
    return ReactionResult(action=action, current=current, counts=counts)


def _serialize_voter(*, post: Post, voter: str) -> None:
    """Make one voter's concurrent votes on one article wait for each other (PostgreSQL).

    Row locks alone cannot: while a take-back and a first vote keep deleting and inserting
    the row, a third request may find no row to lock again and again. A transaction-scoped
    advisory lock on (article, voter) queues them; different voters never wait on it (bar
    a 64-bit hash collision, which only costs a short wait). Other databases fall back on
    the unique constraint and the retry below; SQLite runs one writer at a time anyway.
    """
    if connection.vendor != "postgresql":
        return
    digest = hashlib.sha256(f"reaction:{post.pk}:{voter}".encode()).digest()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest[:8], "big", signed=True)]
        )


def _switch_or_take_back(reaction: Reaction, kind: ReactionKind) -> str:
    if reaction.kind_id == kind.pk:
        reaction.delete()
        return TAKEN_BACK
    reaction.kind = kind
    reaction.save(update_fields=["kind", "updated_at"])
    return SWITCHED


def _cap_key(*, post: Post, ip: str) -> str:
    # The address is hashed so the cache never holds readers' IPs in clear.
    digest = hashlib.sha256(ip.encode()).hexdigest()[:32]
    hour = timezone.now().strftime("%Y%m%d%H")
    return f"reactions:ip:{digest}:{post.pk}:{hour}"


def _reserve_anonymous_vote(*, post: Post, ip: str | None) -> bool:
    """Count one new anonymous vote from `ip` this hour; refuse it past the cap.

    The count is atomic (blogsite.cache_backend.count_in_window), so concurrent processes
    never both take the last place.
    """
    limit = conf.reaction_settings.IP_HOURLY_LIMIT
    if not ip or limit <= 0:
        return False
    if count_in_window(_cap_key(post=post, ip=ip), CAP_TIMEOUT) > limit:
        raise ReactionLimitReached
    return True


def _release_anonymous_vote(*, post: Post, ip: str) -> None:
    with contextlib.suppress(ValueError):  # the hour's key already expired
        cache.decr(_cap_key(post=post, ip=ip))


@transaction.atomic
def merge_anonymous_reactions(*, anonymous_voter: str, user) -> int:
    """Move an anonymous reader's reactions to the account they just signed in to.

    Where the account already reacted to an article, the account's reaction stays and the
    anonymous one is dropped (one reader, one vote). Return how many reactions moved.
    """
    if not anonymous_voter.startswith("a:"):
        raise ValidationError("Only anonymous reactions can be merged.")
    account = user_voter(user)
    moved = 0
    anonymous = Reaction.objects.select_for_update().filter(voter=anonymous_voter)
    for reaction in anonymous:
        try:
            with transaction.atomic():
                reaction.voter, reaction.user = account, user
                reaction.save(update_fields=["voter", "user", "updated_at"])
        except IntegrityError:
            # The account already reacted to this article.
            Reaction.objects.filter(pk=reaction.pk).delete()
        else:
            moved += 1
    return moved


@transaction.atomic
def set_starting_count(*, post: Post, kind: ReactionKind, count: int) -> str:
    """Set the votes an article had before it came here; return created/updated/unchanged."""
    if count < 0:
        raise ValidationError(_("A starting count cannot be negative."))
    baseline = ReactionBaseline.objects.filter(post=post, kind=kind).first()
    if baseline is None:
        ReactionBaseline.objects.create(post=post, kind=kind, count=count)
        return "created"
    if baseline.count == count:
        return "unchanged"
    baseline.count = count
    baseline.save(update_fields=["count"])
    return "updated"
