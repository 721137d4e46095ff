"""Reading Comment.spam_reasons, a JSON list of {"check", "score", "message", "says", "params"}
(comments.wording writes them and says them in the reader's language): which comments have
a reason from a given check, and how many comments each check gave a reason to.

checks_of() is the definition. The database answers the same questions with its own JSON
functions (PostgreSQL's jsonb, SQLite's JSON1), on the SQL of the QuerySet asked, so a
folder of thousands of spam comments is never read into Python; other databases read it.
tests/comments/test_spam_folder_reasons.py checks both ways agree on random data.
"""

from collections import Counter

from django.db import connections
from django.db.models.expressions import RawSQL


def checks_of(reasons) -> set[str]:
    """The checks that gave these reasons."""
    if not isinstance(reasons, list):
        return set()
    return {r["check"] for r in reasons if isinstance(r, dict) and isinstance(r.get("check"), str)}


# Each reason of a row of the subquery `s`, as `r`, and its check when it is a string (an
# entry that is not an object, or whose check is not a string, has none, as in checks_of).
_EACH_REASON = {
    "postgresql": (
        "jsonb_array_elements(CASE WHEN jsonb_typeof(s.spam_reasons) = 'array' "
        "THEN s.spam_reasons ELSE '[]'::jsonb END) AS r",
        "CASE WHEN jsonb_typeof(r.value -> 'check') = 'string' THEN r.value ->> 'check' END",
    ),
    "sqlite": (
        "json_each(CASE WHEN json_type(s.spam_reasons) = 'array' "
        "THEN s.spam_reasons ELSE '[]' END) AS r",
        # Nested, as SQLite evaluates a CASE's branches lazily but not an AND's terms.
        "CASE WHEN r.type = 'object' THEN CASE WHEN json_type(r.value, '$.check') = 'text' "
        "THEN json_extract(r.value, '$.check') END END",
    ),
}


def _reasons_sql(queryset):
    """(FROM clause over each reason of the queryset's comments, check expression, params)."""
    vendor = connections[queryset.db].vendor
    if vendor not in _EACH_REASON:
        return None
    inner, params = queryset.order_by().values("id", "spam_reasons").query.sql_with_params()
    each, check = _EACH_REASON[vendor]
    # The inner SELECT names its columns after the fields, "id" and "spam_reasons".
    return f"({inner}) AS s, {each}", check, params


def with_reason(queryset, check: str):
    """The comments of `queryset` with a reason from `check`."""
    parts = _reasons_sql(queryset)
    if parts is None:
        ids = [
            pk
            for pk, reasons in queryset.values_list("pk", "spam_reasons")
            if check in checks_of(reasons)
        ]
        return queryset.filter(pk__in=ids)
    source, expression, params = parts
    sql = f"SELECT s.id FROM {source} WHERE {expression} = %s"
    return queryset.filter(pk__in=RawSQL(sql, (*params, check)))


def count_by_reason(queryset) -> dict[str, int]:
    """{check: how many comments of `queryset` have a reason from it}."""
    parts = _reasons_sql(queryset)
    if parts is None:
        counts = Counter()
        for reasons in queryset.values_list("spam_reasons", flat=True):
            counts.update(checks_of(reasons))
        return dict(counts)
    source, expression, params = parts
    sql = (
        f"SELECT {expression}, COUNT(DISTINCT s.id) FROM {source} "
        f"WHERE {expression} IS NOT NULL GROUP BY {expression}"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())
