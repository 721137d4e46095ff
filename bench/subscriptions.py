"""Subscribe N addresses, publish an article, and send it to all of them through Django's
locmem e-mail backend: mails per second, queries per batch, memory per batch.

Usage (from the repository root):
    .venv/bin/python bench/subscriptions.py                     # SQLite, 1,000 and 10,000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME TEST_DATABASE_NAME=bench_subs \\
        .venv/bin/python bench/subscriptions.py
    BENCH_SIZES=10000 SUBSCRIPTIONS_BATCH_SIZE=200 .venv/bin/python bench/subscriptions.py

For each size, a fresh child process creates a fresh test database (as Django's test runner
does) and:
  1. subscribes N addresses through the services the form and the confirmation link call
     (each request also renders and "sends" its confirmation e-mail): subscriptions/s;
  2. starts the article's mailing (one INSERT ... SELECT queues the N deliveries);
  3. sends it in batches as the task worker does: mails/s by the wall clock and by the
     process's CPU time, the queries of every batch (the same number for each), and the
     process's RSS after each batch (flat: first, middle and last batch are printed).
The locmem backend keeps every message in mail.outbox; the bench empties it after each
batch (after counting), so the memory measured is the sender's, not the test outbox's.
On SQLite the test database is in memory unless TEST_DATABASE_NAME names a file.
Figures, not asserts.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(size: int) -> None:
    import django

    django.setup()
    from django.core import mail
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.utils import timezone

    setup_test_environment()  # locmem e-mail backend
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        figures = run(size, mail=mail, connection=connection, now=timezone.now)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    print(json.dumps(figures), flush=True)


def run(size: int, *, mail, connection, now) -> dict:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import override_settings

    from posts.models import Post
    from posts.services import create_post
    from posts.subscriptions import mailings, sending, services
    from posts.subscriptions.conf import subscription_settings

    # One IP address subscribing thousands of times: the form's limits stay out of the way.
    with override_settings(SUBSCRIPTIONS_RATE_LIMIT="", SUBSCRIPTIONS_ADDRESS_RATE_LIMIT=""):
        start = time.perf_counter()
        for n in range(size):
            subscription = services.request_subscription(
                email=f"lettore{n}@bench.example.com", language="it", frequency="each",
                ip="192.0.2.1",
            )  # fmt: skip
            services.confirm_subscription(subscription_id=subscription.pk, ip="192.0.2.2")
            if n % 1000 == 999:
                mail.outbox.clear()
        subscribe_seconds = time.perf_counter() - start
    mail.outbox.clear()
    cache.clear()

    author = get_user_model().objects.create_user("autrice", "autrice@bench.example.com")
    post = create_post(
        title="Un nuovo articolo", author=author, body="Testo.", lead="Il sommario.",
        status=Post.Status.DRAFT,
    )  # fmt: skip
    # Published behind the receivers' back: the bench drives the steps itself.
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED, published_at=now())

    start = time.perf_counter()
    mailing, _created = mailings.start_article_mailing(post_id=post.pk)
    fan_out_seconds = time.perf_counter() - start

    queries = [0]
    batches = []  # (messages, queries, RSS kB)

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    def after_batch(messages):
        batches.append((messages, queries[0], _rss_kb()))
        queries[0] = 0
        mail.outbox.clear()

    with connection.execute_wrapper(count):
        cpu, start = _cpu(), time.perf_counter()
        report = sending.send_mailing(mailing.pk, budget_seconds=3600, on_batch=after_batch)
        seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    per_batch = sorted({q for _m, q, _r in batches[1:]})  # the first also reads the mailing
    middle = batches[len(batches) // 2]
    return {
        "vendor": connection.vendor,
        "size": size,
        "batch_size": subscription_settings.BATCH_SIZE,
        "subscriptions_per_second": size / subscribe_seconds,
        "fan_out_seconds": fan_out_seconds,
        "sent": report.sent,
        "batches": report.batches,
        "seconds": seconds,
        "mails_per_second": report.sent / seconds,
        "mails_per_cpu_second": report.sent / max(cpu_seconds, 1e-9),
        "first_batch_queries": batches[0][1],
        "queries_per_batch": per_batch,
        "rss_mb": [batches[0][2] / 1024, middle[2] / 1024, batches[-1][2] / 1024],
    }


def main() -> None:
    for size in SIZES:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        f = json.loads(done.stdout.strip().splitlines()[-1])
        rss = " / ".join(f"{mb:.1f}" for mb in f["rss_mb"])
        print(
            f"{f['vendor']:10} {f['size']:6} subscribers: subscribed at "
            f"{f['subscriptions_per_second']:.0f}/s; "
            f"queued in {f['fan_out_seconds'] * 1000:.0f} ms; "
            f"sent {f['sent']} in {f['batches']} batches of {f['batch_size']}: "
            f"{f['mails_per_second']:.0f} mails/s wall, {f['mails_per_cpu_second']:.0f} per CPU s"
            f" | queries per batch {f['queries_per_batch']} (first {f['first_batch_queries']})"
            f" | RSS first/middle/last batch {rss} MB",
            flush=True,
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
    else:
        main()
