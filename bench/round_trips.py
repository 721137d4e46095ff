"""Redis round trips and app CPU per anonymous read, cached and uncached, on PostgreSQL + Redis
beside SQLite (its local-memory cache), measured inside one Django process.

    .venv/bin/python bench/round_trips.py [--requests 1000] [--uncached-requests 100]
        [--database-url postgres://postgres@127.0.0.1:5432/bench_round_trips]
        [--redis-url redis://127.0.0.1:6379/0]

Each setup gets a fresh database seeded with bench/load.py's articles and comments (debug
off). A child process then reads the home, an article and a tag page with Django's test
client (the whole middleware stack, no HTTP server, one thread), --requests times cached
and --uncached-requests times uncached:

- cached: the page is in the page cache (X-Page-Cache: hit);
- uncached: the page was made stale just before (its scope bumped, outside the measure: a
  new comment for the article, the lists' scope for the others), the site-wide values warm:
  the page is rendered again and stored (X-Page-Cache: miss).

For each it prints the app CPU per request (the process's user + system time around the
request alone) and the Redis round trips per request, counted on the wire (every
send redis-py makes on a connection; a pipeline is one), split into the round trips that
read (before the answer is computed) and those that only write (storing the page and what
was computed). Then the cold costs, once per page: a process whose own copies are empty
with Redis warm (a restarted worker), and Redis empty too (a first start).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402  (bench/load.py: the seed and the settings of the load benches)
import reactions as common  # noqa: E402  (bench/reactions.py: database, environment)

ROOT = Path(__file__).resolve().parent.parent
COMMAND = re.compile(rb"\*\d+\r\n\$\d+\r\n([A-Za-z]+)\r\n")
READS = {"GET", "MGET", "EVAL", "EVALSHA"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000, help="cached, per page")
    parser.add_argument("--uncached-requests", type=int, default=100, help="per page")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_round_trips"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def child(counts: dict) -> None:
    """Runs inside the configured environment: prints the figures as JSON."""
    import django

    django.setup()
    from django.core.cache import cache, caches
    from django.test import Client
    from django.urls import reverse

    from blogsite import pagecache
    from posts import cache as posts_cache
    from posts.models import Post, Tag

    wire = []
    try:
        from redis.connection import Connection
    except ImportError:  # pragma: no cover - redis-py is a dependency
        Connection = None
    if Connection is not None:
        original = Connection.send_packed_command

        def counting(self, command, *args, **kwargs):
            chunks = command if isinstance(command, list | tuple) else [command]
            packed = b"".join(bytes(chunk) for chunk in chunks)
            wire.append({name.decode().upper() for name in COMMAND.findall(packed)})
            return original(self, command, *args, **kwargs)

        Connection.send_packed_command = counting

    post = Post.objects.published().order_by("pk").first()
    tag = Tag.objects.order_by("pk").first()
    pages = [
        ("home", reverse("posts:index"), posts_cache.LISTS),
        ("article", post.get_absolute_url(), f"post:{post.pk}"),
        ("tag", tag.get_absolute_url(), posts_cache.LISTS),
    ]
    client = Client()

    def one(url, expected):
        wire.clear()
        started = time.process_time()
        response = client.get(url)
        cpu = time.process_time() - started
        found = response.get("X-Page-Cache")
        if response.status_code != 200 or found != expected:
            sys.exit(f"{url}: {response.status_code} {found}, expected {expected}")
        reads = sum(1 for names in wire if names & READS)
        return cpu, reads, len(wire) - reads

    results = {"backend": type(caches["default"]).__name__, "rows": [], "cold": []}
    for label, url, scope in pages:
        client.get(url)
        client.get(url)  # stored, site values computed and held
        for case in ("cached", "uncached"):
            cpu = reads = writes = 0
            requests = counts[case]
            for _ in range(requests):
                if case == "uncached":
                    pagecache.bump(scope)
                measured = one(url, "hit" if case == "cached" else "miss")
                cpu, reads, writes = cpu + measured[0], reads + measured[1], writes + measured[2]
            results["rows"].append(
                [label, case, cpu / requests * 1000, reads / requests, writes / requests]
            )
    for case in ("restarted worker", "first start"):
        if case == "first start":
            cache.clear()
        for label, url, _scope in pages:
            posts_cache._held.clear()
            posts_cache._checked_at.clear()
            pagecache.bump(f"post:{post.pk}", posts_cache.LISTS)  # every page stale
            _cpu, reads, writes = one(url, "miss")
            results["cold"].append([case, label, reads, writes])
    print(json.dumps(results))


def run_setup(args, label, settings_dir, *, sqlite: bool):
    server_args = type("A", (), {"database_url": args.database_url, "redis_url": args.redis_url})
    env = common.server_environment(server_args, settings_dir)
    env["CACHE_KEY_PREFIX"] = "bench-round-trips"
    env["DJANGO_ALLOWED_HOSTS"] = "testserver"
    if sqlite:
        env["DATABASE_URL"] = f"sqlite:///{Path(settings_dir) / 'db.sqlite3'}"
        env["REDIS_URL"] = ""
    else:
        common.recreate_database(args.database_url)
    common.manage(env, "migrate", "--noinput", "-v", "0")
    common.manage(env, "collectstatic", "--noinput", "-v", "0")
    common.manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    common.manage(env, "shell", "-c", load.SEED)
    command = [sys.executable, __file__, "--child", "--requests", str(args.requests)]
    command += ["--uncached-requests", str(args.uncached_requests)]
    found = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if found.returncode:
        sys.exit(f"{label}: {found.stderr[-3000:]}")
    return json.loads(found.stdout.strip().splitlines()[-1])


def main():
    args = parse_args()
    if args.child:
        child({"cached": args.requests, "uncached": args.uncached_requests})
        return
    table = []
    for label, sqlite in (("SQLite", True), ("PostgreSQL + Redis", False)):
        with tempfile.TemporaryDirectory(prefix="bench-round-trips-") as settings_dir:
            Path(settings_dir, "bench_settings.py").write_text(load.SETTINGS)
            table.append((label, run_setup(args, label, settings_dir, sqlite=sqlite)))
    print(
        f"\nanonymous reads in one process: {args.requests} cached and "
        f"{args.uncached_requests} uncached requests per page"
    )
    print(
        f"{'setup':<19} {'page':<8} {'case':<9} {'CPU ms/req':>10} "
        f"{'Redis reads':>11} {'Redis writes':>12}"
    )
    for label, results in table:
        for page, case, cpu_ms, reads, writes in results["rows"]:
            print(f"{label:<19} {page:<8} {case:<9} {cpu_ms:10.2f} {reads:11.2f} {writes:12.2f}")
    for label, results in table:
        if results["backend"] != "FailsafeRedisCache":
            continue
        print(f"\ncold, {label}: Redis round trips of one uncached read (reads + writes)")
        for case, page, reads, writes in results["cold"]:
            print(f"  {case:<17} {page:<8} {reads} + {writes}")


if __name__ == "__main__":
    main()
