"""Server CPU of a cached anonymous read of every kind of public page, beside /health/.

    .venv/bin/python bench/cached_pages.py [--seconds 6] [--workers 3] [--port 18660]

Creates (or recreates) a dedicated PostgreSQL database (its name must start with "bench"),
seeds articles with tags, categories and approved comments, starts gunicorn on 127.0.0.1
with Redis as the cache (debug off), and for /health/ and then each page (home, article,
tag, category, author, year archive and the four index pages) sends requests from 8
clients for --seconds, reading the server's CPU (user + system of the gunicorn processes,
from /proc) before and after. It prints requests/s, server CPU per request, p50 and p99,
and each page's CPU as a multiple of /health/'s (the target: at most 1.5x), plus whether
the page was served from the page cache (X-Page-Cache: hit). Figures, not asserts: the
clients share the cores with the server, so read the CPU column before the wall-clock ones.
"""

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402  (bench/load.py: server CPU from /proc, the hammering clients)
import reactions as common  # noqa: E402  (bench/reactions.py: database, gunicorn helpers)

SEED = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from comments import services as comment_services
from posts import services

author, _ = get_user_model().objects.get_or_create(username="bench-author")
services.save_profile(user=author, display_name="Autrice del bench", bio="Scrive di clienti.")
tags = [services.create_tag(name=f"tema {n}") for n in range(6)]
categories = [services.create_category(name=f"Categoria {n}") for n in range(4)]
for n in range(30):
    post = services.create_post(
        title=f"Articolo in cache {n}", author=author, body="Testo. " * 200,
        status="published", published_at=timezone.now() - timedelta(days=n * 20 + 1),
        tags=[tags[n % 6], tags[(n + 1) % 6]],
    )
    post.categories.add(categories[n % 4])
    for c in range(10):
        comment_services.create_comment(
            post=post, author_name=f"Lettore {c}", author_email=f"l{c}@example.com",
            body=f"Commento {c} all'articolo {n}.", status="approved",
        )
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="per page")
    parser.add_argument("--clients", type=int, default=8)
    common.add_server_arguments(parser, port=18660, database="bench_cached_pages")
    return parser.parse_args()


def pages(database_url):
    with psycopg.connect(database_url) as conn:
        article = conn.execute("SELECT slug FROM posts_post ORDER BY id LIMIT 1").fetchone()[0]
        tag = conn.execute("SELECT slug FROM posts_tag ORDER BY id LIMIT 1").fetchone()[0]
        category = conn.execute("SELECT slug FROM posts_category ORDER BY id LIMIT 1").fetchone()
        year = conn.execute("SELECT max(published_at) FROM posts_post").fetchone()[0].year
    return [
        ("home", "/"),
        ("article", f"/articoli/{article}/"),
        ("tag", f"/tag/{tag}/"),
        ("category", f"/categoria/{category[0]}/"),
        ("author", "/autori/bench-author/"),
        ("year archive", f"/archivio/{year}/"),
        ("tag index", "/tag/"),
        ("author index", "/autori/"),
        ("category index", "/categorie/"),
        ("archive index", "/archivio/"),
    ]


def measure(server_pid, base, path, seconds, clients):
    tally = load.Tally()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=load.hammer, args=(base, path, deadline, tally))
        for _ in range(clients)
    ]
    cpu, wall = load.run_phase(server_pid, threads)
    count = len(tally.latencies)
    return count / wall, cpu / count * 1000, tally


def main():
    args = parse_args()
    base = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory(prefix="bench-cached-") as settings_dir:
        Path(settings_dir, "bench_settings.py").write_text(load.SETTINGS)
        common.recreate_database(args.database_url)
        env = common.server_environment(args, settings_dir)
        env["CACHE_KEY_PREFIX"] = "bench-cached-pages"
        common.manage(env, "migrate", "--noinput", "-v", "0")
        common.manage(env, "collectstatic", "--noinput", "-v", "0")
        common.manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
        common.manage(env, "shell", "-c", SEED)
        targets = pages(args.database_url)
        server = common.start_gunicorn(args, env)
        rows = []
        try:
            for label, path in [("/health/", "/health/"), *targets]:
                first = httpx.get(base + path)  # stores the page
                if first.status_code != 200:
                    sys.exit(f"{path} answered {first.status_code}")
                cached = httpx.get(base + path).headers.get("X-Page-Cache", "-")
                rate, cpu_ms, tally = measure(server.pid, base, path, args.seconds, args.clients)
                rows.append((label, path, cached, rate, cpu_ms, tally))
        finally:
            common.stop(server)
    floor = rows[0][4]
    print(
        f"\ncached anonymous reads, {args.clients} clients, {args.seconds:.0f} s each, "
        f"gunicorn {args.workers}x{args.threads}, PostgreSQL + Redis"
    )
    print(
        f"{'page':<15} {'cache':>5} {'req/s':>7} {'CPU ms/req':>11} {'x health':>9} "
        f"{'p50 ms':>7} {'p99 ms':>7}"
    )
    for label, _path, cached, rate, cpu_ms, tally in rows:
        print(
            f"{label:<15} {cached:>5} {rate:7.0f} {cpu_ms:11.2f} {cpu_ms / floor:9.2f} "
            f"{load.percentile(tally.latencies, 0.5):7.1f} "
            f"{load.percentile(tally.latencies, 0.99):7.1f}"
        )
    worst = max(rows[1:], key=lambda row: row[4])
    print(f"worst: {worst[0]} at {worst[4] / floor:.2f}x /health/ (target: at most 1.5x)")


if __name__ == "__main__":
    main()
