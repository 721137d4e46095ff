"""Render time and query count of an article page with 10, 200 and 1,000 approved comments,
ours beside django-comments-xtd 2.10.13's, timed in one run.

Usage (from the repository root):
    .venv/bin/python bench/comments_page.py                      # SQLite (a throwaway test DB)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/comments_page.py
    BENCH_PEER=0 ...                                             # ours only

It creates the test database Django's test runner would (test_<name>), seeds one article per
size with threaded comments (a third top-level, the rest replies two levels deep), GETs each
article page RUNS times with Django's test Client (all comments on one page, the page cache
off: a cold render) and prints median and p95 render times, the median CPU time of the
process (steadier on a busy machine) and the query count.
The database is destroyed at the end. Figures, not asserts.

The peer runs in its own venv, bench/.peer-venv, made here on first use with
`pip install django-comments-xtd==2.10.13` (it brings the Django it needs): never in the
product's dependencies. bench/xtd_peer.py builds its minimal project in a temporary
directory, on SQLite, and seeds the same comments in the same threading shape.
"""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from pagetiming import time_page  # noqa: E402 (bench/, beside this script)

from comments.models import Comment  # noqa: E402
from comments.services import NewComment, create_comments  # noqa: E402
from posts.models import Post  # noqa: E402
from posts.services import create_post  # noqa: E402

SIZES = (10, 200, 1000)
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
# BENCH_USERS=0: no comment is linked to an account, on both sides (xtd then reads no user
# per comment, its best case); by default every fourth top-level comment is.
WITH_USERS = os.environ.get("BENCH_USERS", "1") != "0"
WARMUP = 3
BENCH_DIR = Path(__file__).resolve().parent
PEER_VENV = BENCH_DIR / ".peer-venv"
PEER_PACKAGE = "django-comments-xtd==2.10.13"


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
            user=users[n % len(users)] if WITH_USERS and n % 4 == 0 else None,
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
    page = time_page(client, url, runs=RUNS, warmup=WARMUP)
    shown = page["content"].count(b'class="comment ')
    return page["median"], page["p95"], page["cpu"], page["queries"], shown


def peer_python() -> Path:
    """The peer venv's interpreter, making the venv first if it is missing."""
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", PEER_PACKAGE],
            check=True,
        )
    return python


def run_peer() -> dict[int, dict]:
    env = {**os.environ, "BENCH_RUNS": str(RUNS)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [str(peer_python()), str(BENCH_DIR / "xtd_peer.py"), *map(str, SIZES)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {row["size"]: row for row in rows}


def main():
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")
    ours = run_ours()
    peer = run_peer() if os.environ.get("BENCH_PEER", "1") != "0" else {}
    print(
        f"database (ours): {connection.vendor}  database (peer): sqlite  runs: {RUNS}"
        f"  comments by accounts: {'yes' if WITH_USERS else 'no'}"
    )
    print(
        f"{'comments':>9} {'shown':>6} {'ours ms':>8} {'p95':>7} {'cpu':>6} {'q':>3}"
        f" | {'shown':>6} {'xtd ms':>8} {'p95':>7} {'cpu':>6} {'q':>4}"
        f" | {'ours/xtd':>8} {'cpu':>5}"
    )
    for size in SIZES:
        o = ours[size]
        line = (
            f"{size:>9} {o['shown']:>6} {o['median']:>8.1f} {o['p95']:>7.1f} {o['cpu']:>6.1f}"
            f" {o['queries']:>3}"
        )
        p = peer.get(size)
        if p:
            line += (
                f" | {p['shown']:>6} {p['median']:>8.1f} {p['p95']:>7.1f} {p['cpu']:>6.1f}"
                f" {p['queries']:>4} | {o['median'] / p['median']:>8.2f}"
                f" {o['cpu'] / p['cpu']:>5.2f}"
            )
        print(line)


def run_ours() -> dict[int, dict]:
    from django.test import override_settings

    results = {}
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        User = get_user_model()
        author = User.objects.create_user("bench-author", "author@example.com", "x")
        users = [User.objects.create_user(f"bench{n}", f"b{n}@example.com", "x") for n in range(5)]
        client = Client()
        # Every comment on one page, as the peer shows them.
        with override_settings(COMMENTS_PER_PAGE=max(SIZES), PAGE_CACHE_ENABLED=False):
            for size in SIZES:
                post = seed(size, author, users)
                median, p95, cpu, queries, shown = measure(client, post.get_absolute_url())
                results[size] = {
                    "median": median,
                    "p95": p95,
                    "cpu": cpu,
                    "queries": queries,
                    "shown": shown,
                }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return results


if __name__ == "__main__":
    main()
