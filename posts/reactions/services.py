"""Writes to articles' reactions. Views, the login hook and the bench all call these.

Counts are never stored: they are aggregated from the reactions in one grouped query, so
they cannot drift from the votes. The unique (post, voter) constraint is the one-per-reader
rule. On PostgreSQL one voter's concurrent votes on one article queue on an advisory lock;
should an insert still lose a race (a sign-in merge, another database), it fails with an
IntegrityError inside a savepoint and the vote is applied to the winner's row, locked.
A new reader's first vote needs none of that: its voter key was minted by the request, so no
other request can hold it, and the vote is one INSERT that finds its published article itself
(posts/reactions/first_vote.py): the busiest write of the site, one statement on PostgreSQL.
"""

import contextlib
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
from posts.reactions import conf, first_vote
from posts.reactions.models import (
    Reaction,
    ReactionBaseline,
    ReactionKind,
    counts_for_post,
    voter_key_validator,
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
    message = _("Please log in to react to articles.")


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
    # (language, slug) of the article, when the vote's own statement read them.
    article: tuple[str, str] | None = None

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
    race with it: the vote is a plain insert, with no lock, lookup or savepoint (on an
    article open to everyone: cast_first_vote() takes no vote on a protected one).

    Whether the reader may read a password-protected `post` is the caller's to check
    (posts.protection.is_locked: a cookie of the request).

    Anonymous first votes count against the per-IP hourly cap; raise a ReactionRefused
    subclass, with nothing changed, when a rule says no.
    """
    if not post.is_published or not kind.active:
        raise ReactionClosed
    if user is not None and voter != user_voter(user):
        raise ValueError("A signed-in reader votes with their account's voter key.")
    if user is None and conf.reaction_settings.REQUIRE_LOGIN:
        raise LoginRequired
    if new_voter and user is None and not post.is_protected:
        result = cast_first_vote(post_id=post.pk, kind=kind, voter=voter, ip=ip)
        if result is None:  # unpublished, or given a password, since `post` was read
            raise ReactionClosed
        return result
    return _cast(post=post, kind=kind, voter=voter, user=user, ip=ip)


def cast_first_vote(*, post_id: int, kind: ReactionKind, voter: str, ip=None):
    """A new anonymous reader's first vote on the published article `post_id`, found by the
    insert itself: one statement on PostgreSQL, an insert and one read elsewhere.

    `voter` was minted by this very request (voters.new_anonymous_id: 256 random bits), so
    no row can hold it yet and nothing can race with it: no lock, lookup or savepoint.
    Return the result, with the article's language and slug (for the way back), or None
    when no published article open to everyone has that id (nothing changed): a protected
    one takes its votes through cast_reaction(), once the caller knows the reader typed its
    password. Counts against the per-IP
    hourly cap; raise a ReactionRefused subclass, with nothing changed, when a rule says no.
    """
    if not kind.active:
        raise ReactionClosed
    if conf.reaction_settings.REQUIRE_LOGIN:
        raise LoginRequired
    voter_key_validator(voter)  # what full_clean() checked of a row built from these
    reserved = _reserve_anonymous_vote(post_id=post_id, ip=ip)
    try:
        found = first_vote.insert(post_id=post_id, kind_id=kind.pk, voter=voter)
    except BaseException:
        if reserved:
            _release_anonymous_vote(post_id=post_id, ip=ip)
        raise
    if found is None:
        if reserved:
            _release_anonymous_vote(post_id=post_id, ip=ip)
        return None
    counts, article = found
    posts_cache.votes_changed(post_id=post_id)  # as the post_save receiver does for a save()
    return ReactionResult(action=CREATED, current=kind, counts=counts, article=article)


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
        reserved = user is None and _reserve_anonymous_vote(post_id=post.pk, ip=ip)
        try:
            with transaction.atomic():  # a savepoint: the outer transaction survives
                reaction.save(force_insert=True)
        except IntegrityError:
            # The same voter's concurrent request inserted first: undo our cap reservation
            # and apply this vote to their row on the next round.
            if reserved:
                _release_anonymous_vote(post_id=post.pk, ip=ip)
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


def _cap_key(*, post_id: int, ip: str) -> str:
    # The address is hashed so the cache never holds readers' IPs in clear.
    digest = hashlib.sha256(ip.encode()).hexdigest()[:32]
    hour = timezone.now().strftime("%Y%m%d%H")
    return f"reactions:ip:{digest}:{post_id}:{hour}"


def _reserve_anonymous_vote(*, post_id: int, ip: str | None) -> bool:
    """Count one new anonymous vote from `ip` this hour; refuse it past the cap.

    The count is atomic (blogsite.cache_backend.count_in_window), so concurrent processes
    never both take the last place.
    """
    limit = conf.reaction_settings.IP_HOURLY_LIMIT
    if not ip or limit <= 0:
        return False
    if count_in_window(_cap_key(post_id=post_id, ip=ip), CAP_TIMEOUT) > limit:
        raise ReactionLimitReached
    return True


def _release_anonymous_vote(*, post_id: int, ip: str) -> None:
    with contextlib.suppress(ValueError):  # the hour's key already expired
        cache.decr(_cap_key(post_id=post_id, ip=ip))


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
