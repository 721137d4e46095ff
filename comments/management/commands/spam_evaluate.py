import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from comments.spam.dataset import DatasetError, read_labelled_csv
from comments.spam.pipeline import Candidate, check_comment


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = (
        "Score a labelled CSV file with the spam filter, without training on it, and print "
        "precision, recall, F1, the false positive rate on ham and the time per verdict."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--show-errors", action="store_true", help="List the comments scored wrongly."
        )

    def handle(self, *args, file, show_errors, **options):
        try:
            rows = read_labelled_csv(file)
        except DatasetError as exc:
            raise CommandError(str(exc)) from exc
        counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
        verdicts = {"ham": 0, "hold": 0, "spam": 0, "discard": 0}
        timings = []
        for row in rows:
            # Only what the comment itself carries: no form timing, honeypot, IP or Akismet.
            candidate = Candidate(
                content=row.content, author=row.author, email=row.email, url=row.url
            )
            started = time.perf_counter()
            verdict = check_comment(candidate, use_akismet=False)
            timings.append((time.perf_counter() - started) * 1000)
            verdicts[verdict.verdict] += 1
            marked = verdict.is_spam
            key = ("t" if marked == row.is_spam else "f") + ("p" if marked else "n")
            counts[key] += 1
            if show_errors and key in ("fp", "fn"):
                self.stdout.write(f"{key.upper()} {verdict.score:.3f} {row.content[:100]!r}")
        tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        median = statistics.median(timings)
        p95 = percentile(timings, 0.95)
        out = self.stdout.write
        out(f"{file}: {len(rows)} comments ({tp + fn} spam, {fp + tn} ham)")
        out(
            "verdicts: "
            + ", ".join(f"{name} {count}" for name, count in verdicts.items())
            + " (spam and discard count as marked spam; hold does not)"
        )
        out("confusion matrix (rows: labelled, columns: marked)")
        out(f"{'':>10} {'spam':>6} {'not':>6}")
        out(f"{'spam':>10} {tp:>6} {fn:>6}")
        out(f"{'ham':>10} {fp:>6} {tn:>6}")
        out(
            f"precision={precision:.4f} recall={recall:.4f} f1={f1:.4f} fpr={fpr:.4f} "
            f"median_ms={median:.3f} p95_ms={p95:.3f}"
        )
