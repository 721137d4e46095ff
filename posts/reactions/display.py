"""The read side of reactions: what the row, the JSON endpoint and the cards show.

Each function costs a fixed number of queries, whatever the number of votes or articles.
"""

from django.utils.translation import gettext, ngettext

from posts import cache
from posts.reactions.models import Reaction, ReactionBaseline, ReactionKind
from posts.reactions.services import TAKEN_BACK


def active_kinds(*, fresh_within: float = 0.0) -> list[ReactionKind]:
    """The active kinds with every language's label, kept in the cache until the site
    changes (a kind or a label saved bumps the site's generation). A vote takes this
    process's copy when it was found current within `fresh_within` seconds, without asking
    the cache (posts.cache.site_value); a page never does."""
    return cache.site_value("reaction-kinds", _load_active_kinds, fresh_within=fresh_within)


def _load_active_kinds() -> list[ReactionKind]:
    return list(ReactionKind.objects.active().with_labels())


def current_kind_id(*, post, voter_key: str | None) -> int | None:
    if not voter_key:
        return None
    return (
        Reaction.objects.filter(post=post, voter=voter_key)
        .values_list("kind_id", flat=True)
        .first()
    )


def total_of(*, kinds, counts: dict[int, int]) -> int:
    """An article's reaction total: the counts (votes plus starting counts) of the active
    `kinds`, the ones its row shows. Listings count the same rows through
    Reaction.objects.counted() and ReactionBaseline.objects.counted()."""
    return sum(counts.get(kind.pk, 0) for kind in kinds)


def total_label(total: int) -> str:
    return ngettext("%(count)d reaction", "%(count)d reactions", total) % {"count": total}


def row_items(*, kinds, counts: dict[int, int], current_id: int | None) -> list[dict]:
    """One entry per active kind, in the admin's order, with its count and pressed state."""
    return [
        {
            "code": kind.code,
            "emoji": kind.emoji,
            "label": kind.label,
            "count": counts.get(kind.pk, 0),
            "pressed": "true" if kind.pk == current_id else "false",
        }
        for kind in kinds
    ]


def state_payload(*, kinds, counts: dict[int, int], current_id: int | None) -> dict:
    """The row's state as JSON: counts per kind code and the reader's current choice."""
    current = next((kind.code for kind in kinds if kind.pk == current_id), None)
    total = total_of(kinds=kinds, counts=counts)
    return {
        "counts": {kind.code: counts.get(kind.pk, 0) for kind in kinds},
        "current": current,
        "total": total,
        "total_label": total_label(total),
    }


def vote_message(*, action: str, kind: ReactionKind) -> str:
    if action == TAKEN_BACK:
        return gettext("Your reaction “%(label)s” was taken back.") % {"label": kind.label}
    return gettext("Your reaction: “%(label)s”. Thank you!") % {"label": kind.label}


def card_summaries(posts) -> None:
    """Attach `reaction_summary` to each post of a list page: two queries for the page.

    Each summary lists the active kinds that received votes, most voted first.
    """
    posts = [post for post in posts if not hasattr(post, "reaction_summary")]
    if not posts:
        return
    kinds = {kind.pk: kind for kind in active_kinds()}
    counts = Reaction.objects.filter(kind__in=list(kinds)).counts_by_post_and_kind(
        post.pk for post in posts
    )
    baselines: dict[int, int] = {}
    for post_id, kind_id, count in ReactionBaseline.objects.filter(
        post_id__in=[post.pk for post in posts], kind__in=list(kinds)
    ).values_list("post_id", "kind_id", "count"):
        per_post = counts.setdefault(post_id, {})
        per_post[kind_id] = per_post.get(kind_id, 0) + count
        baselines[post_id] = baselines.get(post_id, 0) + count
    for post in posts:
        per_kind = counts.get(post.pk, {})
        voted = sorted(
            (kinds[kind_id] for kind_id in per_kind),
            key=lambda kind, per_kind=per_kind: (-per_kind[kind.pk], kind.position, kind.pk),
        )
        # with_counts() annotates the votes of active kinds (Reaction.objects.counted());
        # without it, the same total from the counts just read.
        total = getattr(post, "reaction_count", None)
        if total is None:
            total = total_of(kinds=kinds.values(), counts=per_kind)
        else:
            total += baselines.get(post.pk, 0)
        post.reaction_summary = {
            "total": total,
            "total_label": total_label(total),
            "items": [
                {"emoji": kind.emoji, "label": kind.label, "count": per_kind[kind.pk]}
                for kind in voted
            ],
        }
