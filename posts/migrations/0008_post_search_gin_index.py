"""GIN indexes for PostgreSQL's full-text search of articles (nothing on SQLite).

Each index's expression is, token for token, the weighted vector posts.search builds for
its configuration (title A, lead B, body C): PostgreSQL uses an expression index only for
the same expression. One per content language's configuration.
"""

from django.db import migrations

CONFIGS = ("italian", "english")


def vector_sql(config):
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE(\"{field}\", '')), '{weight}')"
        for field, weight in (("title", "A"), ("lead", "B"), ("body", "C"))
    ]
    return f"(({parts[0]} || {parts[1]}) || {parts[2]})"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in CONFIGS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS posts_post_search_{config} "
            f"ON posts_post USING gin ({vector_sql(config)})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in CONFIGS:
        schema_editor.execute(f"DROP INDEX IF EXISTS posts_post_search_{config}")


class Migration(migrations.Migration):
    dependencies = [("posts", "0007_revisions")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
