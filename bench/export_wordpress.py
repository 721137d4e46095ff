"""Speed, queries and peak memory of manage.py export_wordpress for two site sizes.

Usage (from the repository root):
    .venv/bin/python bench/export_wordpress.py                   # SQLite (a throwaway test DB)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/export_wordpress.py

Seeds SIZES articles with COMMENTS comments each (threads two levels deep) through the write
services, exports the whole site into a byte counter, and prints items per second, the
query count and the peak Python memory of the export (tracemalloc, a separate run). The
export streams, so peak memory should barely move between the sizes. Figures, not asserts.
"""

import os
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from comments.models import Comment  # noqa: E402
from comments.services import NewComment, create_comments  # noqa: E402
from posts.models import Post  # noqa: E402
from posts.services import create_post, create_tag  # noqa: E402
from wordpress.export import export_wxr  # noqa: E402

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "300,1500").split(","))
COMMENTS = 10


def seed_up_to(total, author, tags):
    start = Post.objects.count()
    now = timezone.now()
    for n in range(start, total):
        post = create_post(
            title=f"Articolo {n}",
            slug=f"articolo-{n}",
            author=author,
            body=f"Paragrafo dell'articolo {n}.\n\nUn secondo paragrafo con **grassetto**.",
            status=Post.Status.PUBLISHED,
            published_at=now - timedelta(hours=n + 1),
            tags=[tags[n % len(tags)]],
        )
        tops = [
            NewComment(
                post=post,
                author_name=f"Lettore {c}",
                author_email=f"l{c}@example.com",
                body=f"Commento {c} sull'articolo {n}.",
                status=Comment.Status.APPROVED,
                submitted_at=now - timedelta(minutes=COMMENTS - c),
            )
            for c in range(COMMENTS // 2)
        ]
        replies = [
            NewComment(
                post=post,
                parent=tops[c % len(tops)],
                author_name=f"Risposta {c}",
                author_email=f"r{c}@example.com",
                body=f"Risposta {c}.",
                status=Comment.Status.APPROVED,
                submitted_at=now,
            )
            for c in range(COMMENTS - len(tops))
        ]
        create_comments(tops + replies)


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def run_export():
    size = 0
    for piece in export_wxr():
        size += len(piece.encode())
    return size


def main():
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        author = get_user_model().objects.create_user("bench-author", "a@example.com", "x")
        tags = [create_tag(name=f"Tag {n}", slug=f"tag-{n}") for n in range(20)]
        print(f"database: {connection.vendor}  comments per article: {COMMENTS}")
        print(
            f"{'articles':>9} {'comments':>9} {'seconds':>8} {'items/s':>8} "
            f"{'queries':>8} {'MB out':>7} {'peak MB':>8}"
        )
        for size in SIZES:
            seed_up_to(size, author, tags)
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                began = time.perf_counter()
                out_bytes = run_export()
                seconds = time.perf_counter() - began
            tracemalloc.start()
            run_export()
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            items = size * (1 + COMMENTS)
            print(
                f"{size:>9} {size * COMMENTS:>9} {seconds:>8.2f} {items / seconds:>8.0f} "
                f"{queries.count:>8} {out_bytes / 1e6:>7.1f} {peak / 1e6:>8.1f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
