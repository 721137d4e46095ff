import statistics
import time
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError

from comments.spam.dataset import DatasetError, read_labelled_csv
from comments.spam.pipeline import Candidate, check_comment, learn_many


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Tally:
    """Confusion counts and timings of a run of verdicts."""

    counts: dict = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    verdicts: dict = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    timings: list = field(default_factory=list)

    def add(self, *, verdict, is_spam: bool, elapsed_ms: float) -> str:
        self.timings.append(elapsed_ms)
        self.verdicts[verdict.verdict] += 1
        marked = verdict.is_spam
        key = ("t" if marked == is_spam else "f") + ("p" if marked else "n")
        self.counts[key] += 1
        return key

    def figures(self) -> str:
        tp, fp, fn, tn = (self.counts[key] for key in ("tp", "fp", "fn", "tn"))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        median = statistics.median(self.timings)
        p95 = percentile(self.timings, 0.95)
        return (
            f"precision={precision:.4f} recall={recall:.4f} f1={f1:.4f} fpr={fpr:.4f} "
            f"median_ms={median:.3f} p95_ms={p95:.3f}"
        )


VERDICTS = ("ham", "hold", "spam", "discard")


class Command(BaseCommand):
    help = (
        "Score a labelled CSV file with the spam filter and print precision, recall, F1, the "
        "false positive rate on ham and the time per verdict. Without --online nothing is "
        "learned; with it, the file is replayed in its order, each comment scored and then "
        "learned with its label, as moderators' clicks would teach the filter."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--show-errors", action="store_true", help="List the comments scored wrongly."
        )
        parser.add_argument(
            "--online",
            action="store_true",
            help="Learn each comment's label after scoring it (this changes the stored "
            "model); also print the figures of the second half of the file.",
        )

    def handle(self, *args, file, show_errors, online, **options):
        try:
            rows = read_labelled_csv(file)
        except DatasetError as exc:
            raise CommandError(str(exc)) from exc
        overall, second_half = Tally(), Tally()
        half = len(rows) // 2
        for index, row in enumerate(rows):
            # Only what the comment itself carries: no form timing, honeypot, IP or Akismet.
            candidate = Candidate(
                content=row.content, author=row.author, email=row.email, url=row.url
            )
            started = time.perf_counter()
            verdict = check_comment(candidate, use_akismet=False)
            elapsed = (time.perf_counter() - started) * 1000
            key = overall.add(verdict=verdict, is_spam=row.is_spam, elapsed_ms=elapsed)
            if index >= half:
                second_half.add(verdict=verdict, is_spam=row.is_spam, elapsed_ms=elapsed)
            if show_errors and key in ("fp", "fn"):
                self.stdout.write(f"{key.upper()} {verdict.score:.3f} {row.content[:100]!r}")
            if online:
                learn_many([(row.content, row.url, "spam" if row.is_spam else "ham")])
        counts = overall.counts
        tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
        out = self.stdout.write
        mode = ", scored then learned one by one" if online else ""
        out(f"{file}: {len(rows)} comments ({tp + fn} spam, {fp + tn} ham){mode}")
        out(
            "verdicts: "
            + ", ".join(f"{name} {count}" for name, count in overall.verdicts.items())
            + " (spam and discard count as marked spam; hold does not)"
        )
        out("confusion matrix (rows: labelled, columns: marked)")
        out(f"{'':>10} {'spam':>6} {'not':>6}")
        out(f"{'spam':>10} {tp:>6} {fn:>6}")
        out(f"{'ham':>10} {fp:>6} {tn:>6}")
        out(overall.figures())
        if online:
            out(f"second half ({len(rows) - half} comments, after learning the first):")
            out(second_half.figures())
