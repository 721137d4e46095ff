"""Items per second and peak memory of import_wordpress on generated exports.

Usage (from the repository root):
    .venv/bin/python bench/import_wordpress.py                 # SQLite, 1,000 and 10,000 posts
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME TEST_DATABASE_NAME=bench_x \\
        .venv/bin/python bench/import_wordpress.py
    BENCH_SIZES=1000,3000 .venv/bin/python bench/import_wordpress.py

For each size it writes a WXR 1.2 file of N posts with 10 comments each (threads three
levels deep, a pingback, one pending and one spam), then imports it in a fresh child
process against a fresh test database (created and destroyed as Django's test runner
does) and prints comments/s and posts/s by the wall clock and by the import's own CPU time
(steadier on a busy machine; on PostgreSQL the server's CPU is not in it), and the peak RSS
during the import (the peak is reset after the test database is created, so migrations do
not count) beside the RSS before it. With two sizes or more it ends with the ratio of the
largest size's peak to the smallest's: streaming means at most 1.5x. Figures, not asserts.

On SQLite, Django's test database is in memory unless TEST_DATABASE_NAME names a file: the
imported rows then count in the process's RSS, so measure memory with a file
(TEST_DATABASE_NAME=/tmp/bench.sqlite3) or on PostgreSQL.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
COMMENTS = 10

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example.com</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example.com</wp:base_site_url>
<wp:base_blog_url>https://bench.example.com</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>autore</wp:author_login>
<wp:author_email>autore@bench.example.com</wp:author_email>
<wp:author_display_name>Autore</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>notizie</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name>Notizie</wp:cat_name></wp:category>
"""
COMMENT = """<wp:comment><wp:comment_id>{id}</wp:comment_id>
<wp:comment_author>Lettore {n}</wp:comment_author>
<wp:comment_author_email>lettore{n}@example.com</wp:comment_author_email>
<wp:comment_author_url>https://lettore{n}.example.com/</wp:comment_author_url>
<wp:comment_author_IP>192.0.2.{n}</wp:comment_author_IP>
<wp:comment_date_gmt>2021-{month:02d}-{day:02d} 1{n}:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Commento numero {n}: grazie, molto utile per il nostro servizio.]]>
</wp:comment_content><wp:comment_approved>{status}</wp:comment_approved>
<wp:comment_type>{kind}</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>
<wp:comment_user_id>0</wp:comment_user_id></wp:comment>
"""


def write_export(path: Path, posts: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for p in range(1, posts + 1):
            wid = 10 * p + 100_000
            month, day = 1 + p % 12, 1 + p % 28
            out.write(
                f"<item><title>Articolo di prova {p}</title>"
                f"<link>https://bench.example.com/2021/{month:02d}/{day:02d}/articolo-{p}/</link>"
                "<dc:creator>autore</dc:creator>"
                f"<content:encoded><![CDATA[<!-- wp:paragraph --><p>Paragrafo {p}.</p>"
                "<!-- /wp:paragraph -->\n\nUn secondo paragrafo, scritto con l'editor classico."
                "<!--more-->\n\nE un terzo.]]></content:encoded>"
                "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                f"<wp:post_id>{p}</wp:post_id>"
                f"<wp:post_date_gmt>2021-{month:02d}-{day:02d} 08:00:00</wp:post_date_gmt>"
                "<wp:comment_status>open</wp:comment_status>"
                f"<wp:post_name>articolo-{p}</wp:post_name><wp:status>publish</wp:status>"
                "<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>"
                "<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>"
                '<wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="notizie">'
                "Notizie</category>"
            )
            for n in range(COMMENTS):
                parent = 0 if n % 3 == 0 else wid + n - 1
                status = {8: "0", 9: "spam"}.get(n, "1")
                kind = "pingback" if n == 7 else "comment"
                out.write(
                    COMMENT.format(
                        id=wid + n,
                        n=n,
                        month=month,
                        day=day,
                        status=status,
                        kind=kind,
                        parent=parent,
                    )
                )
            out.write("</item>\n")
        out.write("</channel></rss>\n")


def _status_kb(field: str) -> int:
    """A figure of /proc/self/status in kB (VmRSS: now, VmHWM: peak since the last reset)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    """Start VmHWM afresh (Linux: write 5 to clear_refs), so the peak is the import's own and
    not that of creating the test database (migrations) before it."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def child(path: str) -> None:
    """Run one import in this process against a fresh test database; print one line, and
    the same figures as JSON on a last line for the parent."""
    import gc
    import json
    import resource

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    from wordpress.importer import run_import

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        gc.collect()
        peak_reset = _reset_peak()
        rss_before = _status_kb("VmRSS")
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        report = run_import(path)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF)
        peak = _status_kb("VmHWM") if peak_reset else after.ru_maxrss
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    cpu_seconds = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
    posts = report.total("posts", "created")
    comments = report.total("comments", "created")
    figures = {
        "vendor": connection.vendor,
        "posts": posts,
        "comments": comments,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "rss_before_mb": rss_before / 1024,
        "peak_rss_mb": peak / 1024,
    }
    print(
        f"{connection.vendor:10} posts={posts:6} comments={comments:7} "
        f"wall {seconds:7.1f}s {comments / seconds:7.1f} comments/s {posts / seconds:6.1f} posts/s"
        f" | import CPU {cpu_seconds:6.1f}s {comments / max(cpu_seconds, 1e-9):7.1f} comments/s"
        f" | RSS before {rss_before / 1024:6.1f} MB, peak {peak / 1024:6.1f} MB"
        f" (+{(peak - rss_before) / 1024:.1f})",
        flush=True,
    )
    print(json.dumps(figures), flush=True)


def main() -> None:
    import json

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            path = Path(tmp) / f"export-{size}.xml"
            write_export(path, size)
            print(f"# {size} posts, {path.stat().st_size / 1e6:.1f} MB export", flush=True)
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            *lines, last = done.stdout.strip().splitlines()
            print("\n".join(lines), flush=True)
            results.append((size, json.loads(last)))
    if len(results) > 1:
        (small, first), (large, last) = results[0], results[-1]
        print(
            f"# peak RSS {large} vs {small} posts: {last['peak_rss_mb']:.1f} / "
            f"{first['peak_rss_mb']:.1f} MB = {last['peak_rss_mb'] / first['peak_rss_mb']:.2f}x"
            f" (streaming: at most 1.5x); growth during the import "
            f"+{last['peak_rss_mb'] - last['rss_before_mb']:.1f} vs "
            f"+{first['peak_rss_mb'] - first['rss_before_mb']:.1f} MB",
            flush=True,
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main()
