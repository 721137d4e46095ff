"""Benchmark the reactions endpoint: the app under gunicorn on PostgreSQL, 50 voting clients.

    .venv/bin/python bench/reactions.py [--duration 20] [--clients 50] [--workers 3]

Creates (or recreates) a dedicated database, migrates it, seeds one article, starts gunicorn
on 127.0.0.1 with Redis as the cache, and has each client vote (first votes, switches and
take-backs, chosen at random, as signed-in-less readers with their own cookie jar and CSRF
token) until the time is up. Every client now and then starts over as a new reader, so the
table keeps growing. It prints votes per second, latency percentiles, and the difference
between what the accepted votes add up to and what the database stores, which must be 0.

All traffic comes from 127.0.0.1, so the server runs with REACTIONS_IP_HOURLY_LIMIT = 0
(no per-IP cap); otherwise the cap would refuse all but 20 new readers per hour.
"""

import argparse
import os
import random
import resource
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SLUG = "bench-reazioni"
KINDS = ["useful", "love", "insightful", "funny", "surprised", "disagree"]

SETTINGS = """\
import warnings

from blogsite.settings import *  # noqa: F403

# The bench serves no static files: whitenoise's "no STATIC_ROOT" warning is noise here.
warnings.filterwarnings("ignore", message="No directory at")

# Every bench client shares 127.0.0.1: no per-IP cap on new anonymous votes.
REACTIONS_IP_HOURLY_LIMIT = 0
"""

SEED = f"""\
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from posts.models import Post

author, _ = get_user_model().objects.get_or_create(username="bench-author")
Post.objects.update_or_create(
    slug="{SLUG}",
    defaults=dict(title="Bench", body="Bench.", author=author, status="published",
                  published_at=timezone.now() - timedelta(days=1)),
)
"""


def add_server_arguments(parser, *, port: int, database: str) -> None:
    """The options every gunicorn bench shares: its size, port, database and Redis."""
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{database}"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of voting")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    add_server_arguments(parser, port=8765, database="bench_reactions")
    parser.add_argument(
        "--new-reader-chance",
        type=float,
        default=0.2,
        help="probability that a client starts over as a new reader after a vote",
    )
    return parser.parse_args()


def recreate_database(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("bench"):
        sys.exit(f"Refusing to drop {name!r}: the bench database's name must start with 'bench'.")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def server_environment(args, settings_dir):
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(settings_dir), str(ROOT)]),
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "CACHE_KEY_PREFIX": "bench-reactions",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)


def start_gunicorn(args, env):
    command = [
        str(Path(PYTHON).with_name("gunicorn")),
        "blogsite.wsgi:application",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{args.port}/health/", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            sys.exit("gunicorn exited before answering")
        time.sleep(0.2)
    stop(server)
    sys.exit("gunicorn did not answer /health/ within 30 s")


def stop(server):
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class Tally:
    """What the clients saw: latencies, actions, and each reader's last known choice."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.actions = Counter()
        self.failures = Counter()
        self.final_choice = Counter()  # kind -> readers whose last answer says that kind

    def merge(self, latencies, actions, failures, choices):
        with self.lock:
            self.latencies.extend(latencies)
            self.actions.update(actions)
            self.failures.update(failures)
            self.final_choice.update(choices)


def client_loop(base, state_path, vote_path, deadline, chance, seed, tally):
    rng = random.Random(seed)
    latencies, actions, failures, choices = [], Counter(), Counter(), Counter()
    while time.monotonic() < deadline:
        # A new reader: its own cookie jar, its own CSRF token, no voter cookie yet.
        # Plain HTTP: no TLS context to load for each new reader (verify=False), which cost
        # the load generator ~25 ms of CPU each on the cores the server uses.
        with httpx.Client(base_url=base, timeout=30, verify=False) as client:
            client.get(state_path, headers={"Accept": "application/json"}).raise_for_status()
            token = client.cookies["csrftoken"]
            current = None
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    response = client.post(
                        vote_path,
                        data={"kind": rng.choice(KINDS)},
                        headers={"Accept": "application/json", "X-CSRFToken": token},
                    )
                except httpx.HTTPError as error:
                    failures[type(error).__name__] += 1
                    continue
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    failures[response.status_code] += 1
                    continue
                data = response.json()
                actions[data["action"]] += 1
                current = data["current"]
                if rng.random() < chance:
                    break
            if current is not None:
                choices[current] += 1
    tally.merge(latencies, actions, failures, choices)


def bench_post_id(database_url) -> int:
    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT id FROM posts_post WHERE slug = %s", [SLUG]).fetchone()[0]


def stored_counts(database_url):
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            """
            SELECT k.code, count(*) FROM posts_reaction r
            JOIN posts_reactionkind k ON k.id = r.kind_id
            JOIN posts_post p ON p.id = r.post_id
            WHERE p.slug = %s GROUP BY k.code
            """,
            [SLUG],
        ).fetchall()
    return Counter(dict(rows))


def cpu_seconds(after, before):
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-reactions-") as settings_dir:
        Path(settings_dir, "bench_settings.py").write_text(SETTINGS)
        env = server_environment(args, settings_dir)
        print(f"database {args.database_url} (recreated), cache {args.redis_url}")
        recreate_database(args.database_url)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "shell", "--verbosity", "0", "--command", SEED)
        post_pk = bench_post_id(args.database_url)
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        server = start_gunicorn(args, env)
        try:
            base = f"http://127.0.0.1:{args.port}"
            state_path = f"/reazioni/{post_pk}/"
            vote_path = f"/reazioni/{post_pk}/vota/"
            tally = Tally()
            print(
                f"gunicorn: {args.workers} workers x {args.threads} threads on {base}; "
                f"{args.clients} clients voting for {args.duration:g} s ..."
            )
            started = time.monotonic()
            clients_before = resource.getrusage(resource.RUSAGE_SELF)
            deadline = started + args.duration
            threads = [
                threading.Thread(
                    target=client_loop,
                    args=(base, state_path, vote_path, deadline, args.new_reader_chance, n, tally),
                )
                for n in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
            clients_cpu = cpu_seconds(resource.getrusage(resource.RUSAGE_SELF), clients_before)
        finally:
            stop(server)
        # gunicorn's workers are its children: their CPU time counts once the master exits.
        server_cpu = cpu_seconds(resource.getrusage(resource.RUSAGE_CHILDREN), children_before)

    stored = stored_counts(args.database_url)
    accepted = sum(tally.actions.values())
    net = tally.actions["created"] - tally.actions["taken_back"]
    kinds = sorted(set(stored) | set(tally.final_choice))
    per_kind_difference = {k: stored[k] - tally.final_choice[k] for k in kinds}
    print()
    print(f"accepted votes        {accepted}  ({dict(tally.actions)})")
    print(f"refused / failed      {sum(tally.failures.values())}  {dict(tally.failures)}")
    print(f"votes per second      {accepted / elapsed:.1f}")
    if tally.latencies:
        ms = [s * 1000 for s in tally.latencies]
        print(
            f"latency ms            p50 {statistics.median(ms):.1f}  "
            f"p95 {percentile(ms, 0.95):.1f}  p99 {percentile(ms, 0.99):.1f}  max {max(ms):.1f}"
        )
    print(
        f"CPU seconds           clients {clients_cpu:.1f}, gunicorn {server_cpu:.1f} "
        f"(of {elapsed * (os.cpu_count() or 1):.0f} on {os.cpu_count()} CPUs; PostgreSQL and "
        "Redis not counted)"
    )
    print(f"stored reactions      {sum(stored.values())}  {dict(sorted(stored.items()))}")
    print(f"created - taken back  {net}")
    print(f"difference            {sum(stored.values()) - net} (stored - accepted net, must be 0)")
    print(f"per-kind difference   {per_kind_difference} (stored - readers' last answers)")
    drift = sum(stored.values()) - net != 0 or any(per_kind_difference.values())
    return 1 if drift or tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
