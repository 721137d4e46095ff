"""Counts other apps add to article listings: comments and reactions on every card.

Posts does not import comments or reactions (they depend on posts, never the reverse).
Each registers, from its AppConfig.ready(), the rows a card counts, and
`PostQuerySet.with_counts()` annotates one subquery per registered count.
"""

from collections.abc import Callable

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

_counts: dict[str, tuple[Callable[[], QuerySet], str]] = {}


def register_count(name: str, rows, *, post_field: str = "post") -> None:
    """Annotate listings with `name`: the number of `rows` pointing at each article.

    rows is a callable returning a QuerySet (`Reaction.objects.all`, a `visible()` filter of
    comments); it is called each time a listing is built.
    """
    _counts[name] = (rows, post_field)


def count_annotations() -> dict[str, Coalesce]:
    annotations = {}
    for name, (rows, post_field) in _counts.items():
        counted = (
            rows()
            .filter(**{post_field: OuterRef("pk")})
            .order_by()
            .values(post_field)
            .annotate(n=Count("pk"))
            .values("n")
        )
        annotations[name] = Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
    return annotations
