"""Render times of pathological article bodies (figures, never asserts).

Usage (from the repository root):
    .venv/bin/python bench/render_bodies.py            # default size 10,000 characters
    BENCH_SIZE=50000 .venv/bin/python bench/render_bodies.py

Each body is what an author (or a paste gone wrong) may save: thousands of unclosed "[",
links whose "(" never closes, deep nesting, runs of emphasis markers. Before the bracket
fix in posts/markup.py, 10,000 "[" took about 17 s to render; every line here should stay
well under a second. Prints the median of RUNS renders per body.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")

import django  # noqa: E402

django.setup()

from posts.markup import render_body  # noqa: E402

SIZE = int(os.environ.get("BENCH_SIZE", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def bodies(size: int) -> dict[str, str]:
    """Name -> body of about size characters."""

    def repeat(unit):
        return unit * max(1, size // len(unit))

    return {
        "unclosed [": repeat("["),
        "unclosed ![": repeat("!["),
        "unclosed ]": repeat("]"),
        "[a]( never closed": repeat("[a]("),
        "[a]( then )": repeat("[a](")[: size // 2] + repeat(")")[: size // 2],
        "[a](( nested": repeat("[a](("),
        "[[a] half open": repeat("[[a]"),
        "sponsored links": repeat('[x](https://example.com "sponsor") '),
        "* runs": repeat("*"),
        "*a alternating": repeat("*a"),
        "_ runs": repeat("_"),
        "` runs": repeat("`"),
        "< runs": repeat("<"),
        "& runs": repeat("&"),
        "> nested quotes": repeat(">")[: min(size, 2000)],
        "- nested lists": repeat("  - ")[: min(size, 2000)],
        "ordinary prose": repeat("Una frase con **grassetto**, un [link](https://a.it).\n\n"),
    }


def main():
    print(f"size {SIZE} characters, median of {RUNS} runs")
    for name, body in bodies(SIZE).items():
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            render_body(body)
            times.append(time.perf_counter() - start)
        print(f"{name:<22} {len(body):>7} chars {statistics.median(times) * 1000:>9.1f} ms")


if __name__ == "__main__":
    main()
