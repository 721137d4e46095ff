"""The SQL of a new reader's first vote: the article's lookup folded into the insert.

The insert takes its article from a SELECT with the published rule (the statuses and the
date of posts.models.published_q(), checked against it on random rows by
tests/posts/test_one_rule_for_published.py), so a draft or an article not yet due inserts
nothing, and no separate lookup is needed. Nor does a password-protected article: whether its
reader typed the password is in a cookie the SQL cannot read (posts.protection), so its votes
take the usual path, which checks it. The statement answers the article's counts with
the new vote and the article's language and slug (the way back of a form vote):

- PostgreSQL: one statement, one round trip. The insert runs in a WITH clause whose new row
  the counts add (the rest of the statement does not see it).
- Elsewhere (SQLite): INSERT ... SELECT, then one read of the counts and the address.

Written out once rather than built by the ORM on every vote: compiling the queries cost
more CPU than the database took to answer them.
"""

import functools

from django.db import connection
from django.utils import timezone

from posts.models import Post
from posts.reactions.models import Reaction, ReactionBaseline

INSERTED_COLUMNS = ("post_id", "kind_id", "voter", "user_id", "created_at", "updated_at")


def insert(*, post_id: int, kind_id: int, voter: str):
    """Insert the vote if `post_id` is a published article open to everyone (no password);
    return (counts by kind id, (language, slug)) with the new vote counted, or None when
    nothing was inserted."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    article = [post_id, *Post.RELEASED_STATUSES, now]
    vote = [kind_id, voter, now, now]
    counts = [post_id, post_id]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_one_statement_sql(connection.vendor), [*article, *vote, *counts])
        else:
            cursor.execute(_insert_sql(connection.vendor), [*vote, *article])
            if cursor.rowcount != 1:
                return None
            cursor.execute(_counts_and_address_sql(connection.vendor), [*counts, post_id])
        return _read(cursor.fetchall())


def _read(rows):
    counts: dict[int, int] = {}
    address = None
    for kind_id, count, language, slug in rows:
        if kind_id is not None:
            counts[kind_id] = counts.get(kind_id, 0) + count
        if slug is not None:
            address = (language, slug)
    return None if address is None else (counts, address)


def _quote(*names: str) -> str:
    return ", ".join(connection.ops.quote_name(name) for name in names)


def _published_and_open() -> str:
    """The WHERE clause of published_q() for one article (id, statuses, due date), and no
    password."""
    statuses = ", ".join(["%s"] * len(Post.RELEASED_STATUSES))
    return (
        f"{_quote('id')} = %s AND {_quote('status')} IN ({statuses})"
        f" AND {_quote('published_at')} <= %s AND {_quote('password')} = ''"
    )


def _counts_sql() -> str:
    """(kind id, count, NULL, NULL) rows: the votes grouped by kind, the starting counts."""
    return (
        f"SELECT {_quote('kind_id')}, COUNT(*), NULL, NULL FROM {_quote(Reaction._meta.db_table)}"
        f" WHERE {_quote('post_id')} = %s GROUP BY {_quote('kind_id')}"
        f" UNION ALL SELECT {_quote('kind_id', 'count')}, NULL, NULL"
        f" FROM {_quote(ReactionBaseline._meta.db_table)} WHERE {_quote('post_id')} = %s"
    )


@functools.cache
def _insert_sql(vendor: str) -> str:
    return (
        f"INSERT INTO {_quote(Reaction._meta.db_table)} ({_quote(*INSERTED_COLUMNS)})"
        f" SELECT {_quote('id')}, %s, %s, NULL, %s, %s FROM {_quote(Post._meta.db_table)}"
        f" WHERE {_published_and_open()}"
    )


@functools.cache
def _counts_and_address_sql(vendor: str) -> str:
    return (
        f"{_counts_sql()} UNION ALL SELECT NULL, NULL, {_quote('language', 'slug')}"
        f" FROM {_quote(Post._meta.db_table)} WHERE {_quote('id')} = %s"
    )


@functools.cache
def _one_statement_sql(vendor: str) -> str:
    return (
        f"WITH article AS (SELECT {_quote('id', 'language', 'slug')}"
        f" FROM {_quote(Post._meta.db_table)} WHERE {_published_and_open()}),"
        f" new AS (INSERT INTO {_quote(Reaction._meta.db_table)} ({_quote(*INSERTED_COLUMNS)})"
        f" SELECT {_quote('id')}, %s, %s, NULL, %s, %s FROM article"
        f" RETURNING {_quote('kind_id')})"
        f" {_counts_sql()} UNION ALL SELECT new.{_quote('kind_id')}, 1,"
        f" article.{_quote('language')}, article.{_quote('slug')} FROM new, article"
    )
