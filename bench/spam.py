"""Figures of the spam filter: legitimate blog comments, and the YouTube folds.

1. The shipped model on legitimate blog comments: a fresh site (the starting model in
   comments/spam/data/, nothing taught) scores bench/data/legitimate_blog_comments.csv with
   `spam_evaluate`, and the share marked spam is printed (target: at most 1 %). That file
   (Italian and English questions, thanks, disagreement, code snippets, links to sources)
   was written for this measure and is never used for training.
2. Leave-one-video-out on the labelled YouTube comments: each fold is a site whose
   moderators taught the filter the other two videos. `spam_train --reset --as-site` stores
   them as the site's teaching over an empty starting model (the shipped one learned the
   held-out video too, so it cannot take part); `spam_evaluate` then scores the held-out file
   through the same code paths a site runs, and its last line is printed; then the mean over
   the folds (target: F1 at least 0.95). The legitimate-set figure above is the other end:
   a fresh site, nothing taught, the shipped model alone.
3. With --online, the same folds replayed with `spam_evaluate --online`: each held-out
   comment is scored, then learned as a moderator's click would teach it.

Runs on a throwaway SQLite database.

    .venv/bin/python bench/spam.py [--online] [DATA_DIR]
"""

import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
ONLINE = "--online" in sys.argv[1:]
DATA = Path(ARGS[0]) if ARGS else ROOT.parent / "shared" / "data" / "spam"
LEGITIMATE = ROOT / "bench" / "data" / "legitimate_blog_comments.csv"
FILES = ["youtube01-psy.csv", "youtube02-katyperry.csv", "youtube03-lmfao.csv"]
LAST_LINE = re.compile(r"(\w+)=([\d.]+)")
VERDICTS = re.compile(r"^verdicts: (.*?) \(", re.M)


def reset_to_shipped_model():
    from comments.spam import store
    from comments.spam.models import ClassifierState

    ClassifierState.objects.all().delete()
    store.forget_cache()


def legitimate_share(call_command):
    reset_to_shipped_model()
    output = io.StringIO()
    call_command("spam_evaluate", str(LEGITIMATE), show_errors=True, stdout=output)
    text = output.getvalue()
    verdicts = {
        name: int(count)
        for name, count in (item.split() for item in VERDICTS.search(text).group(1).split(", "))
    }
    total = sum(verdicts.values())
    marked = verdicts["spam"] + verdicts["discard"]
    print(
        f"legitimate blog comments, shipped model: {total} comments, {marked} marked spam "
        f"({100 * marked / total:.2f} %), {verdicts['hold']} held "
        f"({100 * verdicts['hold'] / total:.2f} %), {verdicts['ham']} ham"
    )
    for line in text.splitlines():
        if line.startswith("FP "):
            print("  marked spam:", line[3:])


def folds(call_command, *, online):
    results = []
    for held_out in FILES:
        training = [str(DATA / name) for name in FILES if name != held_out]
        call_command("spam_train", *training, reset=True, as_site=True, stdout=io.StringIO())
        output = io.StringIO()
        call_command("spam_evaluate", str(DATA / held_out), online=online, stdout=output)
        lines = output.getvalue().strip().splitlines()
        last = lines[-1]
        label = f"{held_out}{' online' if online else ''}"
        if online:
            overall = next(line for line in lines if line.startswith("precision="))
            print(f"{label:<33} {overall}")
            print(f"{'  second half':<33} {last}")
        else:
            print(f"{label:<33} {last}")
        results.append({key: float(value) for key, value in LAST_LINE.findall(last)})
    mean = {key: sum(fold[key] for fold in results) / len(results) for key in results[0]}
    worst_fpr = max(fold["fpr"] for fold in results)
    name = "mean (second halves)" if online else "mean"
    print(
        f"{name:<33} "
        + " ".join(f"{key}={value:.4f}" for key, value in mean.items())
        + f" (worst fold fpr={worst_fpr:.4f})"
    )


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
    folds(call_command, online=False)
    if ONLINE:
        folds(call_command, online=True)


if __name__ == "__main__":
    main()
