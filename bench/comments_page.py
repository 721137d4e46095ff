"""Render time and query count of an article page with 10, 100 and 1,000 approved comments.

Usage (from the repository root):
    .venv/bin/python bench/comments_page.py                      # SQLite (a throwaway test DB)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/comments_page.py

It creates the test database Django's test runner would (test_<name>), seeds one article per
size with threaded comments (a third top-level, the rest replies two levels deep), GETs each
article page RUNS times with Django's test Client and prints median and p95 render times and
the query count. The database is destroyed at the end. Figures, not asserts.
"""

import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from comments.models import Comment  # noqa: E402
from comments.services import NewComment, create_comments  # noqa: E402
from posts.models import Post  # noqa: E402
from posts.services import create_post  # noqa: E402

SIZES = (10, 100, 1000)
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
WARMUP = 3


def seed(size, author, users):
    post = create_post(
        title=f"Articolo con {size} commenti",
        slug=f"bench-{size}",
        author=author,
        body="Un articolo di prova.",
        status=Post.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    start = timezone.now() - timedelta(hours=size)
    top_count = max(size // 3, 1)
    tops = [
        NewComment(
            post=post,
            user=users[n % len(users)] if n % 4 == 0 else None,
            author_name=f"Lettore {n}",
            author_email=f"lettore{n}@example.com",
            author_url="https://example.com/" if n % 5 == 0 else "",
            body=f"Commento {n} con un link https://example.org/{n}\nsu due righe.",
            status=Comment.Status.APPROVED,
            submitted_at=start + timedelta(minutes=n),
        )
        for n in range(top_count)
    ]
    # The rest are replies, spread over the threads: in each thread every second reply
    # answers the reply before it (depth 2), so threads use the three default levels.
    replies, per_thread = [], {}
    for n in range(size - top_count):
        top = tops[n % top_count]
        thread = per_thread.setdefault(n % top_count, [])
        reply = NewComment(
            post=post,
            parent=thread[-1] if len(thread) % 2 else top,
            author_name=f"Risposta {n}",
            author_email=f"risposta{n}@example.com",
            body=f"Risposta {n}.",
            status=Comment.Status.APPROVED,
            submitted_at=start + timedelta(minutes=top_count + n),
        )
        thread.append(reply)
        replies.append(reply)
    create_comments(tops + replies)
    assert Comment.objects.filter(post=post).count() == size
    return post


def measure(client, url):
    for _ in range(WARMUP):
        assert client.get(url).status_code == 200
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
    p95 = statistics.quantiles(timings, n=20)[18]
    return (
        statistics.median(timings),
        p95,
        len(queries),
        response.content.count(b'class="comment '),
    )


def main():
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        User = get_user_model()
        author = User.objects.create_user("bench-author", "author@example.com", "x")
        users = [User.objects.create_user(f"bench{n}", f"b{n}@example.com", "x") for n in range(5)]
        client = Client()
        vendor = connection.vendor
        print(
            f"database: {vendor}  runs: {RUNS}  COMMENTS_PER_PAGE: "
            f"{getattr(settings, 'COMMENTS_PER_PAGE', 50)}"
        )
        print(f"{'comments':>9} {'shown':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for size in SIZES:
            post = seed(size, author, users)
            median, p95, queries, shown = measure(client, post.get_absolute_url())
            print(f"{size:>9} {shown:>6} {median:>10.1f} {p95:>8.1f} {queries:>8}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
