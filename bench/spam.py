"""Leave-one-video-out figures of the spam filter on the labelled YouTube comments.

For each of the three files: train a fresh model on the other two with `spam_train --reset`,
score the held-out file with `spam_evaluate` (the same code paths a site runs), and print
its last line; then the mean over the folds. Runs on a throwaway SQLite database.

    .venv/bin/python bench/spam.py [DATA_DIR]
"""

import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "spam"
FILES = ["youtube01-psy.csv", "youtube02-katyperry.csv", "youtube03-lmfao.csv"]
LAST_LINE = re.compile(r"(\w+)=([\d.]+)")


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
    folds = []
    for held_out in FILES:
        training = [str(DATA / name) for name in FILES if name != held_out]
        call_command("spam_train", *training, reset=True, stdout=io.StringIO())
        output = io.StringIO()
        call_command("spam_evaluate", str(DATA / held_out), stdout=output)
        last = output.getvalue().strip().splitlines()[-1]
        print(f"{held_out:<26} {last}")
        folds.append({key: float(value) for key, value in LAST_LINE.findall(last)})
    mean = {key: sum(fold[key] for fold in folds) / len(folds) for key in folds[0]}
    worst_fpr = max(fold["fpr"] for fold in folds)
    print(
        f"{'mean':<26} "
        + " ".join(f"{key}={value:.4f}" for key, value in mean.items())
        + f" (worst fold fpr={worst_fpr:.4f})"
    )


if __name__ == "__main__":
    main()
