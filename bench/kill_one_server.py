"""Kill one of two app servers under load, restart it, and count what readers lost.

    .venv/bin/python bench/kill_one_server.py [--duration 60] [--clients 50] [--port 20500]

Sets up the site with bench/front.py: two gunicorns on PostgreSQL + Redis behind nginx
(deploy/nginx.conf). --clients readers read the home page and articles, vote (first votes)
and comment, each as a new reader now and then. A quarter of the way in, one gunicorn
(master and workers) is killed with SIGKILL, as a crash would; half way it is started again.

It prints, per phase, the responses by status, then every response other than 200/302/503
(must be 0), transport errors, and comments and votes accepted versus stored: a comment
answered 302 whose text is not in the database, or fewer votes stored than accepted, is lost
(must be 0). A post cut off by the crash is answered 503 (try again), and may have been
stored: counted apart, as "stored though answered 503".
"""

import argparse
import random
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import front  # noqa: E402  (bench/front.py: the site behind nginx)
import load  # noqa: E402

COMMENT_PATH = "/comments/post/{pk}/"
ALLOWED = (200, 302, 503)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--vote-chance", type=float, default=0.15)
    parser.add_argument("--comment-chance", type=float, default=0.03)
    parser.add_argument("--new-reader-chance", type=float, default=0.1)
    front.add_site_arguments(parser, port=20500)
    return parser.parse_args()


class Tally:
    def __init__(self):
        self.phase = "before"
        self.statuses = {"before": Counter(), "one down": Counter(), "restarted": Counter()}
        self.timings = front.Timings()
        self.lock = self.timings.lock
        self.latencies, self.errors = self.timings.latencies, self.timings.errors
        self.comments = []  # bodies answered 302
        self.refused_comments = []  # bodies answered 503
        self.votes = 0

    def timed(self, client, method, url, **kwargs):
        return self.timings.request(self.statuses[self.phase], client, method, url, **kwargs)


def reader(site, articles, vote_path, deadline, args, seed, tally):
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        with load.new_reader(site.base, headers={"Origin": site.base}) as client:
            voted = False
            while time.monotonic() < deadline:
                if rng.random() < 0.3:
                    tally.timed(client, "GET", "/")
                    continue
                pk, path = rng.choice(articles)
                page = tally.timed(client, "GET", path)
                if page is None or page.status_code != 200:
                    continue
                action = rng.random()
                if action < args.vote_chance and not voted:
                    voted = True
                    answer = tally.timed(
                        client, "POST", vote_path.format(pk=pk),
                        data={"kind": rng.choice(load.common.KINDS)},
                        headers={"Accept": "application/json"},
                    )  # fmt: skip
                    if answer is not None and answer.status_code == 200:
                        with tally.lock:
                            tally.votes += 1
                elif action < args.vote_chance + args.comment_chance:
                    comment(client, pk, page.text, rng, seed, tally)
                if rng.random() < args.new_reader_chance:
                    break


def comment(client, pk, html, rng, seed, tally):
    form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    time.sleep(load.MIN_SUBMIT_SECONDS)  # a reader types
    body = f"Commento durante il guasto {seed}-{rng.random():.12f}."
    form.update(name=f"Lettore {seed}", email=f"guasto{seed}@example.com", url="",
                body=body, homepage="")  # fmt: skip
    answer = tally.timed(client, "POST", COMMENT_PATH.format(pk=pk), data=form)
    if answer is not None and answer.status_code == 302:
        with tally.lock:
            tally.comments.append(body)
    elif answer is not None and answer.status_code == 503:
        with tally.lock:
            tally.refused_comments.append(body)


def stored(database_url, bodies):
    with psycopg.connect(database_url) as conn:
        return sum(
            conn.execute("SELECT count(*) FROM comments_comment WHERE body = %s", (body,))
            .fetchone()[0] > 0
            for body in bodies
        )  # fmt: skip


def main():
    args = parse_args()
    site = front.Site(args, database="postgresql", app_servers=2, label="kill one")
    tally = Tally()
    try:
        site.setup().start()
        articles = site.articles()
        html = httpx.get(site.base + articles[0][1]).text
        action = re.search(r'action="([^"]+)" class="reactions-form"', html).group(1)
        vote_path = action.replace(str(articles[0][0]), "{pk}")
        votes_before = site.count("posts_reaction")
        deadline = time.monotonic() + args.duration
        threads = [
            threading.Thread(
                target=reader, args=(site, articles, vote_path, deadline, args, n, tally)
            )
            for n in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        victim = site.app_ports[0]
        time.sleep(args.duration / 4)
        site.kill_server(victim)
        tally.phase = "one down"
        print(f"killed the gunicorn on {victim} (SIGKILL) at {args.duration / 4:.0f} s")
        time.sleep(args.duration / 4)
        restarted = time.monotonic()
        site.start_server(victim)
        tally.phase = "restarted"
        print(f"restarted it, answering after {time.monotonic() - restarted:.1f} s")
        for thread in threads:
            thread.join()
        stored_votes = site.count("posts_reaction") - votes_before
        stored_comments = stored(site.database_url, tally.comments)
        stored_refused = stored(site.database_url, tally.refused_comments)
    finally:
        site.stop()
    print(f"\n{args.clients} readers for {args.duration:.0f} s, two gunicorns "
          f"({args.workers}x{args.threads}) on PostgreSQL + Redis behind nginx")  # fmt: skip
    for phase, statuses in tally.statuses.items():
        print(
            f"{phase:<10} {sum(statuses.values()):6d} responses {dict(sorted(statuses.items()))}"
        )
    everything = sum((statuses for statuses in tally.statuses.values()), Counter())
    other = sum(n for code, n in everything.items() if code not in ALLOWED)
    p50, p99 = (load.percentile(tally.latencies, f) for f in (0.5, 0.99))
    print(f"responses other than 200/302/503: {other}; transport errors "
          f"{sum(tally.errors.values())} {dict(tally.errors)}")  # fmt: skip
    print(f"latency ms p50 {p50:.1f}, p99 {p99:.1f}")
    print(f"comments accepted {len(tally.comments)}, stored {stored_comments}, lost "
          f"{len(tally.comments) - stored_comments}; answered 503 {len(tally.refused_comments)}, "
          f"of which stored {stored_refused}")  # fmt: skip
    print(f"votes accepted {tally.votes}, stored {stored_votes}, lost "
          f"{max(0, tally.votes - stored_votes)} (stored beyond accepted: "
          f"{max(0, stored_votes - tally.votes)}, posts cut off by the crash)")  # fmt: skip


if __name__ == "__main__":
    main()
