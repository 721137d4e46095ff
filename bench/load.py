"""Load the whole site: gunicorn on PostgreSQL + Redis, 50 readers reading, voting, commenting.

    .venv/bin/python bench/load.py [--duration 60] [--clients 50] [--workers 3] [--port 18620]
        [--sqlite]

Creates (or recreates) a dedicated database (its name must start with "bench"), migrates it,
seeds articles, tags and approved comments, starts gunicorn on 127.0.0.1 with Redis as the
cache, then:

1. the floor: /health/ for a few seconds, and a cached anonymous article read, each with the
   server CPU per request read from /proc of the gunicorn processes;
2. the mix for --duration seconds: each client is a reader with its own cookie jar who reads
   the home page, articles and tag pages, sometimes votes (a first vote, with the CSRF token
   its page carries, or the token-less same-origin form of a cached page) and sometimes
   comments (waiting the form's minimum time before sending), then starts over as a new
   reader.

It prints requests per second, p50/p95/p99, the count of 5xx (must be 0), accepted versus
stored comments and votes (difference 0) and server CPU per request. Every client shares
127.0.0.1, so the server runs with no per-IP comment rate limit or vote cap. The load
generator shares the cores with the server: read the CPU figures beside the wall-clock ones.
With --sqlite the server runs on a SQLite file in a temporary directory and each worker's
local-memory cache instead (as one app server is set up; run it with --workers 1).
"""

import argparse
import contextlib
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reactions as common  # noqa: E402  (bench/reactions.py: database, gunicorn helpers)

SETTINGS = common.SETTINGS + (
    'COMMENTS_RATE_LIMIT = ""\nSPAM_MIN_SUBMIT_SECONDS = 2\n'
    # Pages link hashed static files: collected into the bench's temporary directory.
    "from pathlib import Path\nSTATIC_ROOT = Path(__file__).parent / 'static'\n"
)
MIN_SUBMIT_SECONDS = 2.2
ARTICLES = 20

SEED = f"""
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from comments import services as comment_services
from posts import services
from posts.models import Post

author, _ = get_user_model().objects.get_or_create(username="bench-author")
tags = [services.create_tag(name=f"tema {{n}}") for n in range(4)]
for n in range({ARTICLES}):
    post = services.create_post(
        title=f"Articolo di carico {{n}}", author=author, body="Testo. " * 200,
        status="published", published_at=timezone.now() - timedelta(days=n + 1),
        tags=[tags[n % 4]],
    )
    for c in range(20):
        comment_services.create_comment(
            post=post, author_name=f"Lettore {{c}}", author_email=f"l{{c}}@example.com",
            body=f"Commento {{c}} all'articolo {{n}}.", status="approved",
        )
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    common.add_server_arguments(parser, port=18620, database="bench_load")
    parser.add_argument("--floor-seconds", type=float, default=8.0)
    parser.add_argument("--new-reader-chance", type=float, default=0.1)
    parser.add_argument("--vote-chance", type=float, default=0.15)
    parser.add_argument("--comment-chance", type=float, default=0.03)
    parser.add_argument("--sqlite", action="store_true", help="SQLite and no Redis")
    return parser.parse_args()


def connect(args, settings_dir):
    """The bench's own connection to the server's database (SQLite file or PostgreSQL)."""
    if args.sqlite:
        import sqlite3

        return contextlib.closing(sqlite3.connect(Path(settings_dir, "db.sqlite3")))
    return psycopg.connect(args.database_url)


def server_cpu(master_pid: int) -> float:
    """CPU seconds (user + system) of the gunicorn master and its workers, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        if pid == master_pid or ppid == master_pid:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = Counter()
        self.comments_accepted = 0
        self.votes_accepted = 0
        self.errors = Counter()

    def merge(self, other):
        with self.lock:
            self.latencies += other.latencies
            self.statuses.update(other.statuses)
            self.comments_accepted += other.comments_accepted
            self.votes_accepted += other.votes_accepted
            self.errors.update(other.errors)


def new_reader(base, **kwargs) -> httpx.Client:
    """A new reader's browser: its own cookie jar and connection. The bench speaks plain
    HTTP, so no TLS context is loaded (verify=False): loading the CA bundle for every new
    reader cost the load generator some 25 ms of CPU each, on the cores the server uses,
    and starved the server in the phases that start many readers (the first votes)."""
    return httpx.Client(base_url=base, timeout=30, verify=False, **kwargs)


def timed(client, tally, method, url, **kwargs):
    started = time.perf_counter()
    try:
        response = client.request(method, url, **kwargs)
    except httpx.HTTPError as error:
        tally.errors[type(error).__name__] += 1
        return None
    tally.latencies.append(time.perf_counter() - started)
    tally.statuses[response.status_code] += 1
    return response


def hammer(base, path, deadline, tally):
    local = Tally()
    with new_reader(base) as client:
        while time.monotonic() < deadline:
            timed(client, local, "GET", path)
    tally.merge(local)


def first_voter(base, articles, deadline, tally, seed):
    """New readers one after another, each casting one first vote (token-less, same-origin,
    as a cached page's form does): the server CPU per first vote, beside the floor."""
    rng = random.Random(seed)
    local = Tally()
    while time.monotonic() < deadline:
        with new_reader(base, headers={"Origin": base}) as client:
            pk, _path = rng.choice(articles)
            answer = timed(
                client, local, "POST", VOTE_PATH.format(pk=pk),
                data={"kind": rng.choice(common.KINDS)}, headers={"Accept": "application/json"},
            )  # fmt: skip
            if answer is not None and answer.status_code == 200:
                local.votes_accepted += 1
    tally.merge(local)


def reader_loop(base, articles, tags, deadline, args, seed, tally):
    rng = random.Random(seed)
    local = Tally()
    while time.monotonic() < deadline:
        with new_reader(base, headers={"Origin": base}) as client:
            while time.monotonic() < deadline:
                roll = rng.random()
                if roll < 0.3:
                    timed(client, local, "GET", "/")
                elif roll < 0.4:
                    timed(client, local, "GET", rng.choice(tags))
                else:
                    pk, path = rng.choice(articles)
                    page = timed(client, local, "GET", path)
                    if page is None or page.status_code != 200:
                        continue
                    action = rng.random()
                    if action < args.vote_chance and "reactions_voter" not in client.cookies:
                        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', page.text)
                        answer = timed(
                            client, local, "POST", VOTE_PATH.format(pk=pk),
                            data={"kind": rng.choice(common.KINDS),
                                  "csrfmiddlewaretoken": token.group(1) if token else ""},
                            headers={"Accept": "application/json"},
                        )  # fmt: skip
                        if answer is not None and answer.status_code == 200:
                            local.votes_accepted += 1
                    elif action < args.vote_chance + args.comment_chance:
                        hidden = r'<input type="hidden" name="([^"]+)" value="([^"]*)"'
                        form = dict(re.findall(hidden, page.text))
                        time.sleep(MIN_SUBMIT_SECONDS)  # a reader types
                        form.update(
                            name=f"Carico {seed}", email=f"carico{seed}@example.com", url="",
                            body=f"Commento di carico {seed}-{rng.random()}.", homepage="",
                        )  # fmt: skip
                        answer = timed(
                            client, local, "POST", COMMENT_PATH.format(pk=pk), data=form
                        )
                        if answer is not None and answer.status_code == 302:
                            local.comments_accepted += 1
                if rng.random() < args.new_reader_chance:
                    break
    tally.merge(local)


VOTE_PATH = "/reactions/{pk}/"
COMMENT_PATH = "/comments/post/{pk}/"


def percentile(values, fraction):
    return common.percentile(values, fraction) * 1000 if values else float("nan")


def run_phase(master_pid, threads):
    cpu_before, wall_before = server_cpu(master_pid), time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return server_cpu(master_pid) - cpu_before, time.monotonic() - wall_before


def main():
    args = parse_args()
    base = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory(prefix="bench-load-") as settings_dir:
        Path(settings_dir, "bench_settings.py").write_text(SETTINGS)
        env = common.server_environment(args, settings_dir)
        if args.sqlite:
            env["DATABASE_URL"] = f"sqlite:///{Path(settings_dir, 'db.sqlite3')}"
            env["REDIS_URL"] = ""  # each worker's local-memory cache
        else:
            common.recreate_database(args.database_url)
        env["CACHE_KEY_PREFIX"] = "bench-load"
        common.manage(env, "migrate", "--noinput", "-v", "0")
        common.manage(env, "collectstatic", "--noinput", "-v", "0")
        common.manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
        common.manage(env, "shell", "-c", SEED)
        with connect(args, settings_dir) as conn:
            articles = conn.execute(
                "SELECT id, slug FROM posts_post WHERE slug LIKE 'articolo-di-carico%%'"
            ).fetchall()
            tags = [f"/tag/{slug}/" for (slug,) in conn.execute("SELECT slug FROM posts_tag")]
            comments_before = conn.execute("SELECT count(*) FROM comments_comment").fetchone()[0]
        articles = [(pk, f"/articoli/{slug}/") for pk, slug in articles]
        global VOTE_PATH
        server = common.start_gunicorn(args, env)
        try:
            state = httpx.get(f"{base}/").text  # warm, and find the vote URL's shape
            del state
            VOTE_PATH = _vote_path(base, articles[0])
            rows = []
            for label, path in (("/health/", "/health/"), ("cached article", articles[0][1])):
                httpx.get(base + path)
                tally = Tally()
                deadline = time.monotonic() + args.floor_seconds
                threads = [
                    threading.Thread(target=hammer, args=(base, path, deadline, tally))
                    for _ in range(8)
                ]
                cpu, wall = run_phase(server.pid, threads)
                count = len(tally.latencies)
                rows.append((label, count / wall, cpu / count * 1000, tally))
            first_votes = Tally()
            deadline = time.monotonic() + args.floor_seconds
            threads = [
                threading.Thread(
                    target=first_voter, args=(base, articles, deadline, first_votes, 1000 + n)
                )
                for n in range(8)
            ]
            cpu, wall = run_phase(server.pid, threads)
            count = len(first_votes.latencies)
            rows.append(("first vote", count / wall, cpu / count * 1000, first_votes))
            tally = Tally()
            deadline = time.monotonic() + args.duration
            threads = [
                threading.Thread(
                    target=reader_loop, args=(base, articles, tags, deadline, args, n, tally)
                )
                for n in range(args.clients)
            ]
            cpu, wall = run_phase(server.pid, threads)
        finally:
            common.stop(server)
        with connect(args, settings_dir) as conn:
            stored_comments = conn.execute("SELECT count(*) FROM comments_comment").fetchone()[0]
            stored_votes = conn.execute("SELECT count(*) FROM posts_reaction").fetchone()[0]
    print(
        f"\nfloor, 8 clients, {args.floor_seconds:.0f} s each, "
        f"gunicorn {args.workers}x{args.threads}"
    )
    print(f"{'path':<16} {'req/s':>8} {'server CPU ms/req':>18} {'p50 ms':>8} {'p99 ms':>8}")
    for label, rate, cpu_ms, t in rows:
        print(f"{label:<16} {rate:8.0f} {cpu_ms:18.2f} {percentile(t.latencies, .5):8.1f} "
              f"{percentile(t.latencies, .99):8.1f}")  # fmt: skip
    print(f"cached article / health CPU: {rows[1][2] / rows[0][2]:.2f}x")
    print(f"first vote / health CPU: {rows[2][2] / rows[0][2]:.2f}x "
          f"({rows[2][3].votes_accepted} first votes accepted)")  # fmt: skip
    count = len(tally.latencies)
    five_xx = sum(n for code, n in tally.statuses.items() if code >= 500)
    print(f"\nmix: {args.clients} readers for {args.duration:.0f} s")
    print(f"requests            {count} ({count / wall:.0f}/s), statuses {dict(tally.statuses)}")
    p50, p95, p99 = (percentile(tally.latencies, f) for f in (0.5, 0.95, 0.99))
    print(f"latency ms          p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}")
    print(f"5xx                 {five_xx}   transport errors {dict(tally.errors)}")
    print(f"comments            accepted {tally.comments_accepted}, stored "
          f"{stored_comments - comments_before}, difference "
          f"{tally.comments_accepted - (stored_comments - comments_before)}")  # fmt: skip
    votes_accepted = tally.votes_accepted + rows[2][3].votes_accepted  # mix and first-vote phase
    print(f"votes (first votes) accepted {votes_accepted}, stored {stored_votes}, "
          f"difference {votes_accepted - stored_votes}")  # fmt: skip
    print(f"server CPU          {cpu:.1f} s, {cpu / count * 1000:.2f} ms per request "
          f"(of {wall * (os.cpu_count() or 1):.0f} CPU-s on {os.cpu_count()} CPUs, shared with "
          f"the clients, PostgreSQL and Redis)")  # fmt: skip


def _vote_path(base, article):
    html = httpx.get(base + article[1]).text
    action = re.search(r'<form method="post" action="([^"]+)" class="reactions-form"', html)
    return action.group(1).replace(str(article[0]), "{pk}")


if __name__ == "__main__":
    main()
