"""A burst at static-file speed: anonymous pages from nginx's cache, beside nginx serving the
same page as a file, on SQLite and on two app servers sharing PostgreSQL + Redis.

    .venv/bin/python bench/burst.py [--seconds 8] [--port 20400] [--burst 10000]

Sets up the site twice with bench/front.py (gunicorn behind nginx rendered from
deploy/nginx.conf, bench/load.py's 20 articles with 20 comments each): first on SQLite (one
app server, its local-memory cache), then on PostgreSQL + Redis with two app servers. For
each row wrk (16 connections, gzip accepted) runs --seconds and the server CPU (user +
system of every gunicorn and nginx process, from /proc) is read before and after:

- the floor: nginx serving the article page as a static file (precompressed, gzip_static);
- the app's own page cache straight from gunicorn (no nginx), for comparison;
- the article and the home page through nginx's cache.

Then the burst on PostgreSQL + Redis: --burst requests from 16 clients through nginx (home
and articles), 1 % of them commenting or voting meanwhile; it prints errors (anything but
200/302, and transport errors: must be 0), writes accepted versus stored (must match) and
the latency percentiles, from wrk and from nginx's access log (nginx's own time, without
the client's waits for a core). Figures, not asserts: the clients share the machine's cores.
"""

import argparse
import gzip
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import front  # noqa: E402  (bench/front.py: the site behind nginx, CPU, wrk)
import load  # noqa: E402

COMMENT_PATH = "/comments/post/{pk}/"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="per wrk row")
    parser.add_argument("--burst", type=int, default=10_000, help="requests in the burst")
    parser.add_argument("--write-share", type=float, default=0.01)
    parser.add_argument("--burst-only", action="store_true", help="skip the table")
    parser.add_argument(
        "--no-access-log", dest="access_log", action="store_false",
        help="nginx logs nothing (by default it logs, as in production, for the burst's p99)",
    )  # fmt: skip
    front.add_site_arguments(parser, port=20400)
    return parser.parse_args()


def static_copy(site, path):
    """Save the page nginx serves at `path` as a static file (and its .gz); its address."""
    html = httpx.get(site.base + path, headers={"Accept-Encoding": "identity"}).content
    folder = site.static_root / "burst"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.html").write_bytes(html)
    (folder / "article.html.gz").write_bytes(gzip.compress(html))
    return site.base + "/static/burst/article.html"


def warm(url):
    for _ in range(2):
        httpx.get(url)
    return httpx.get(url).headers.get("X-Cache-Status", "-")


def table_rows(site, rows, floor=None):
    articles = site.articles()
    article, home = articles[0][1], "/"
    if floor is not None:
        url = static_copy(site, article)
        rows.append(
            ("nginx, static file (floor)", "file", front.measure(site, url, seconds=floor))
        )
    direct = f"http://127.0.0.1:{site.app_ports[0]}"
    httpx.get(direct + article)
    hit = httpx.get(direct + article).headers.get("X-Page-Cache", "-")
    rows.append((f"{site.label}: app page cache, no nginx", f"app {hit}",
                 front.measure(site, direct + article, seconds=site.args.seconds)))  # fmt: skip
    for name, path in (("article", article), ("home", home)):
        status = warm(site.base + path)
        result = front.measure(site, site.base + path, seconds=site.args.seconds)
        rows.append((f"{site.label}: {name} via nginx cache", status, result))


WRK_SCRIPT = """
local paths = {%s}
local limit = %d
local marker = "%s"
local sent, done = 0, 0
local threads = 0
function setup(thread)
    thread:set("id", threads)
    threads = threads + 1
end
request = function()
    sent = sent + 1
    return wrk.format("GET", paths[(sent %% #paths) + 1])
end
response = function(status, headers, body)
    done = done + 1
    if done == limit then
        io.open(marker .. id, "w"):close()
        wrk.thread:stop()
    end
end
"""


class Burst:
    """--burst requests through nginx: wrk reads home and articles (2 threads, 16
    connections, each thread stopping at its share) while reader threads comment and vote
    (--write-share of the requests), spread over the burst."""

    def __init__(self, site, args, expected_rate):
        self.site, self.args = site, args
        self.articles = site.articles()
        self.writes = max(2, round(args.burst * args.write_share))
        self.reads = args.burst - self.writes
        # Seconds the reads should take, from the cached rate measured before; the writes
        # share the cores with them, so they take longer.
        self.spread = 2 * self.reads / max(expected_rate, 1.0)
        self.timings = front.Timings()
        self.lock, self.latencies, self.errors = (
            self.timings.lock,
            self.timings.latencies,
            self.timings.errors,
        )
        self.statuses = Counter()
        self.comments = []  # bodies of comments answered 302 (accepted)
        self.votes = 0

    def timed(self, client, method, url, **kwargs):
        return self.timings.request(self.statuses, client, method, url, **kwargs)

    def vote(self, pk, delay, rng):
        time.sleep(delay)
        with load.new_reader(self.site.base, headers={"Origin": self.site.base}) as voter:
            answer = self.timed(
                voter, "POST", self.vote_path.format(pk=pk),
                data={"kind": rng.choice(load.common.KINDS)},
                headers={"Accept": "application/json"},
            )  # fmt: skip
        if answer is not None and answer.status_code == 200:
            with self.lock:
                self.votes += 1

    def comment(self, writer, pk, form, delay):
        time.sleep(delay)
        answer = self.timed(writer, "POST", COMMENT_PATH.format(pk=pk), data=form)
        writer.close()
        if answer is not None and answer.status_code == 302:
            with self.lock:
                self.comments.append(form["body"])

    def prepare_comments(self, count, rng):
        """Readers who opened an article's form before the burst (the form wants a few
        seconds between showing and sending); they send during it."""
        prepared = []
        for n in range(count):
            pk, path = rng.choice(self.articles)
            writer = load.new_reader(self.site.base, headers={"Origin": self.site.base})
            page = self.timed(writer, "GET", path)
            hidden = r'<input type="hidden" name="([^"]+)" value="([^"]*)"'
            form = dict(re.findall(hidden, page.text))
            body = f"Commento nella raffica {n}-{rng.random():.12f}."
            form.update(name=f"Raffica {n}", email=f"raffica{n}@example.com", url="",
                        body=body, homepage="")  # fmt: skip
            prepared.append((writer, pk, form))
        time.sleep(load.MIN_SUBMIT_SECONDS)
        return prepared

    def run(self, work):
        rng = random.Random(7)
        html = httpx.get(self.site.base + self.articles[0][1]).text
        action = re.search(r'action="([^"]+)" class="reactions-form"', html).group(1)
        self.vote_path = action.replace(str(self.articles[0][0]), "{pk}")
        votes_before = self.site.count("posts_reaction")
        comments = self.writes // 2
        writers = [
            threading.Thread(target=self.comment, args=(*prepared, rng.uniform(0, self.spread)))
            for prepared in self.prepare_comments(comments, rng)
        ]
        writers += [
            threading.Thread(
                target=self.vote,
                args=(rng.choice(self.articles)[0], rng.uniform(0, self.spread), random.Random(n)),
            )
            for n in range(self.writes - comments)
        ]
        paths = ["/"] * 9 + [path for _pk, path in self.articles]
        script = Path(work) / "burst.lua"
        marker = Path(work) / "burst-done-"
        quoted = ", ".join(f'"{p}"' for p in paths)
        script.write_text(WRK_SCRIPT % (quoted, self.reads // 2, marker))
        # A reader waits for a slow page as a browser would (30 s), not wrk's 2 s: a slow
        # answer shows in p99, an error is a refused or failed one.
        command = front.wrk_command(self.site.base + "/", seconds=300, script=script, timeout=30)
        cpu_before, started = self.site.cpu(), time.monotonic()
        for thread in writers:
            thread.start()
        reader = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        # Each wrk thread stops at its share; wrk itself waits out -d unless interrupted.
        while not all(Path(f"{marker}{n}").exists() for n in range(2)):
            time.sleep(0.05)
        reader.send_signal(signal.SIGINT)
        self.reads_result = front.parse_wrk(reader.communicate()[0])
        for thread in writers:
            thread.join()
        self.wall = time.monotonic() - started
        self.cpu = self.site.cpu() - cpu_before
        self.stored_votes = self.site.count("posts_reaction") - votes_before
        with psycopg.connect(self.site.database_url) as conn:
            self.stored_comments = sum(
                conn.execute("SELECT count(*) FROM comments_comment WHERE body = %s", (body,))
                .fetchone()[0] > 0
                for body in self.comments
            )  # fmt: skip


def print_table(rows):
    floor = rows[0][2]
    print(f"\n{'anonymous page':<44} {'cache':>9} {'req/s':>8} {'CPU ms/req':>10} "
          f"{'x floor CPU':>11} {'p99 ms':>7} {'errors':>6}")  # fmt: skip
    for label, status, r in rows:
        socket_errors = f" {r['socket_errors']}" if r["socket_errors"] else ""
        print(f"{label:<44} {status:>9} {r['rate']:8.0f} {r['cpu_ms']:10.3f} "
              f"{r['cpu_ms'] / floor['cpu_ms']:11.1f} {r['p99_ms']:7.1f} "
              f"{r['errors']:>6}{socket_errors}")  # fmt: skip


def print_burst(burst, args):
    reads = burst.reads_result
    writes = len(burst.latencies)
    count = reads["requests"] + writes
    bad = sum(n for code, n in burst.statuses.items() if code not in (200, 302))
    print(f"\nburst on PostgreSQL + Redis, 2 app servers behind nginx: {count} requests in "
          f"{burst.wall:.1f} s; reads by wrk ({reads['rate']:.0f}/s, 16 connections), "
          f"{writes} by readers commenting or voting meanwhile")  # fmt: skip
    print(f"reads: errors (not 2xx/3xx) {reads['errors']}, socket errors "
          f"{reads['socket_errors'] or 0}, p99 {reads['p99_ms']:.1f} ms")  # fmt: skip
    p50, p99 = (load.percentile(burst.latencies, f) for f in (0.5, 0.99))
    print(f"writes: statuses {dict(burst.statuses)}, errors (not 200/302) {bad}, transport "
          f"errors {sum(burst.errors.values())}, p50 {p50:.1f} ms, p99 {p99:.1f} ms")  # fmt: skip
    print(f"comments accepted {len(burst.comments)}, stored {burst.stored_comments}, lost "
          f"{len(burst.comments) - burst.stored_comments}; votes accepted {burst.votes}, "
          f"stored {burst.stored_votes}, lost {burst.votes - burst.stored_votes}")  # fmt: skip
    print(
        f"server CPU (gunicorn + nginx) {burst.cpu * 1000 / max(count, 1):.3f} ms per request "
        f"on average, writes and the pages they invalidate included"
    )


def nginx_view(log, offset):
    """The burst's reads as nginx timed them (request in to response out), from its log."""
    with open(log) as lines:
        lines.seek(offset)
        text = lines.read()
    pattern = re.compile(r'"GET (\S+) [^"]*" (\d+) \d+ (\S+) upstream=\S+ ([\d.]+) s')
    reads = [m.groups() for m in map(pattern.search, text.splitlines()) if m]
    times = [float(t) for *_rest, t in reads]
    print(f"reads as nginx timed them: {len(reads)}, p50 {load.percentile(times, 0.5):.1f} ms, "
          f"p99 {load.percentile(times, 0.99):.1f} ms (wrk's figures add the time its own "
          f"threads wait for a core)")  # fmt: skip
    by_status = Counter(status for _path, _code, status, t in reads if float(t) > 1.0)
    print(f"reads nginx took over 1 s, by X-Cache-Status: {dict(by_status)}")


def main():
    args = parse_args()
    rows = []
    workers = args.workers
    args.workers = 1  # one process: its local-memory cache is the whole page cache
    site = front.Site(args, database="sqlite", app_servers=1, label="SQLite")
    try:
        site.setup().start()
        table_rows(site, rows, floor=args.seconds)
    finally:
        site.stop()
    args.port += 10
    args.workers = workers
    site = front.Site(args, database="postgresql", app_servers=2, label="PG+Redis x2")
    try:
        site.setup().start()
        if not args.burst_only:
            table_rows(site, rows)
            print_table(rows)
        expected_rate = rows[-2][2]["rate"] if rows else 4000.0
        burst = Burst(site, args, expected_rate=expected_rate)
        log = site.work / "nginx" / "access.log"
        offset = log.stat().st_size if log.exists() else 0
        burst.run(site.work)
        print_burst(burst, args)
        if args.access_log:
            nginx_view(log, offset)
    finally:
        site.stop()


if __name__ == "__main__":
    main()
