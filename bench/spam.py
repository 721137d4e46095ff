"""Figures of the spam filter: real blog comments on a new site, and comment streams it
never saw, scored then learned one by one (TREC Spam Track style) beside its peers.

1. Real blog comments, shipped model alone: a new site (the starting model in
   comments/spam/data/, nothing taught) scores bench/data/legitimate_*.csv with
   `spam_evaluate`; the share marked spam is printed (goal: at most 1 %).
2. The Shakira video (bench/data/, never used to train; kept aside until its F1 helped
   choose a setting in the third round, so now a development stream too) replayed on a new
   site with `spam_evaluate --online`, which prints our filter,
   an online logistic regression and Bogofilter on the same stream (goal: F1 at least
   0.95, ham marked spam at most 1 %, ahead of both). In the file's order (newest first,
   as published) and, with --chronological, oldest first as TREC replays mail.
3. Development folds (the data the filter was tuned on, and the shipped model's): for each
   of the four videos (Psy, Katy Perry, LMFAO in DATA_DIR, Eminem in bench/data/), a site
   whose starting model learned the other three (`spam_train --reset`) replays it with
   `spam_evaluate --online`, in the file's order and oldest first.

Runs on a throwaway SQLite database.

    .venv/bin/python bench/spam.py [--dev-only] [DATA_DIR]

--dev-only stops before the Shakira stream.
"""

import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
# The shared folder sits beside the repository (or beside its worktrees' folder).
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT)
DATA = Path(ARGS[0]) if ARGS else SHARED / "data" / "spam"
BENCH_DATA = ROOT / "bench" / "data"
LEGITIMATE = ["legitimate_blog_comments.csv", "legitimate_tutorial_comments.csv"]
HELD_OUT = ["youtube05-shakira.csv"]
VERDICTS = re.compile(r"^verdicts: (.*?) \(", re.M)
PEERS = re.compile(r"^(this filter|online logistic regression|bogofilter) +(.*)$", re.M)


def new_site():
    from comments.spam import store
    from comments.spam.models import ClassifierState

    ClassifierState.objects.all().delete()
    store.forget_cache()


def legitimate_share(call_command):
    total = marked_total = 0
    for name in LEGITIMATE:
        new_site()
        output = io.StringIO()
        call_command("spam_evaluate", str(BENCH_DATA / name), show_errors=True, stdout=output)
        text = output.getvalue()
        verdicts = {
            verdict: int(count)
            for verdict, count in (
                item.split() for item in VERDICTS.search(text).group(1).split(", ")
            )
        }
        count = sum(verdicts.values())
        marked = verdicts["spam"] + verdicts["discard"]
        total, marked_total = total + count, marked_total + marked
        print(
            f"{name}, new site: {count} comments, {marked} marked spam "
            f"({100 * marked / count:.2f} %), {verdicts['hold']} held, {verdicts['ham']} ham"
        )
        for line in text.splitlines():
            if line.startswith("FP "):
                print("  marked spam:", line[3:])
    print(f"real blog comments together: {marked_total} of {total} marked spam "
          f"({100 * marked_total / total:.2f} %)")  # fmt: skip


def replay(call_command, path, label, **options):
    output = io.StringIO()
    call_command("spam_evaluate", str(path), online=True, stdout=output, **options)
    text = output.getvalue()
    print(label)
    for name, figures in PEERS.findall(text):
        print(f"  {name:<28} {figures}")
    if "absent:" in text:
        print("  " + next(line for line in text.splitlines() if "absent:" in line))


def main():
    sys.path.insert(0, str(ROOT))
    workdir = tempfile.mkdtemp(prefix="spam-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blogsite.test_settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    legitimate_share(call_command)
    dev = [
        DATA / "youtube01-psy.csv",
        DATA / "youtube02-katyperry.csv",
        DATA / "youtube03-lmfao.csv",
        BENCH_DATA / "youtube04-eminem.csv",
    ]
    for held in dev:
        training = [str(path) for path in dev if path != held]
        for chronological in (False, True):
            call_command("spam_train", *training, reset=True, stdout=io.StringIO())
            order = "oldest first" if chronological else "file order"
            label = f"{held.name} (dev fold), starting model on the others, {order}:"
            replay(call_command, held, label, chronological=chronological)
    if "--dev-only" in sys.argv:
        return  # the stream kept aside is scored once, for the final figures
    for name in HELD_OUT:
        for chronological in (False, True):
            new_site()
            order = "oldest first" if chronological else "file order"
            label = f"{name} (kept aside until round 3), new site, {order}:"
            replay(call_command, BENCH_DATA / name, label, chronological=chronological)


if __name__ == "__main__":
    main()
