import statistics
import time
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError

from comments.spam.dataset import DatasetError, read_labelled_csv
from comments.spam.peers import BogofilterPeer, OnlineLogisticPeer, PeerUnavailable
from comments.spam.pipeline import Candidate, check_comment, learn_many


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Tally:
    """Confusion counts (and, for our filter, verdicts and timings) of a run."""

    counts: dict = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    verdicts: dict = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    timings: list = field(default_factory=list)

    def add(self, *, marked: bool, is_spam: bool, verdict=None, elapsed_ms=None) -> str:
        if verdict is not None:
            self.verdicts[verdict.verdict] += 1
        if elapsed_ms is not None:
            self.timings.append(elapsed_ms)
        key = ("t" if marked == is_spam else "f") + ("p" if marked else "n")
        self.counts[key] += 1
        return key

    def scores(self) -> str:
        tp, fp, fn, tn = (self.counts[key] for key in ("tp", "fp", "fn", "tn"))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        return f"precision={precision:.4f} recall={recall:.4f} f1={f1:.4f} fpr={fpr:.4f}"

    def figures(self) -> str:
        median = statistics.median(self.timings)
        p95 = percentile(self.timings, 0.95)
        return f"{self.scores()} median_ms={median:.3f} p95_ms={p95:.3f}"


VERDICTS = ("ham", "hold", "spam", "discard")


def ceiling(scored, max_fpr=0.01):
    """The best F1 a threshold on the combined score reaches, chosen after the fact, with at
    most max_fpr of the ham over it: (f1, recall, fpr, threshold), or None without both kinds.

    It tells a learner that ranks badly from thresholds (or the hold band and the starting
    model's gate) that keep a good ranking from marking: our F1 below it is the price of
    those; the ceiling itself low means the comments' scores do not separate the kinds.
    """
    spam = sum(1 for _score, is_spam in scored if is_spam)
    ham = len(scored) - spam
    if not spam or not ham:
        return None
    best = (0.0, 0.0, 0.0, 1.0)
    tp = fp = 0
    ordered = sorted(scored, key=lambda pair: -pair[0])
    for index, (score, is_spam) in enumerate(ordered):
        tp += is_spam
        fp += not is_spam
        if index + 1 < len(ordered) and ordered[index + 1][0] == score:
            continue  # a threshold takes every comment of the same score
        if fp > max_fpr * ham:
            break
        f1 = 2 * tp / (2 * tp + fp + (spam - tp))
        if f1 > best[0]:
            best = (f1, tp / spam, fp / ham, score)
    return best


class Command(BaseCommand):
    help = (
        "Score a labelled CSV file with the spam filter and print precision, recall, F1, the "
        "false positive rate on ham and the time per verdict. Without --online nothing is "
        "learned; with it, the file is replayed, each comment scored and then learned with "
        "its label, as moderators' clicks would teach the filter (TREC Spam Track style), "
        "and Bogofilter and an online logistic regression replay it beside ours."
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
            "model); also print the figures of the second half of the file, and those of "
            "Bogofilter and an online logistic regression on the same stream.",
        )
        parser.add_argument(
            "--chronological",
            action="store_true",
            help="Replay the comments oldest first by the file's 'date' column (ISO 8601), "
            "as the TREC Spam Track does; by default, in the file's order.",
        )

    def handle(self, *args, file, show_errors, online, chronological, **options):
        try:
            rows = read_labelled_csv(file)
        except DatasetError as exc:
            raise CommandError(str(exc)) from exc
        order = "in the file's order"
        if chronological:
            if not all(row.date for row in rows):
                raise CommandError(
                    f"{file}: --chronological needs a 'date' on every row (ISO 8601)."
                )
            rows = sorted(rows, key=lambda row: row.date)  # stable: ties keep the file's order
            order = "oldest first"
        peers, absent = self._peers() if online else ([], "")
        overall, second_half = Tally(), Tally()
        scored = []
        half = len(rows) // 2
        for index, row in enumerate(rows):
            # Only what the comment itself carries: no form timing, honeypot, IP or Akismet.
            candidate = Candidate(
                content=row.content, author=row.author, email=row.email, url=row.url
            )
            started = time.perf_counter()
            verdict = check_comment(candidate, use_akismet=False)
            elapsed = (time.perf_counter() - started) * 1000
            seen = {"marked": verdict.is_spam, "is_spam": row.is_spam, "verdict": verdict}
            key = overall.add(**seen, elapsed_ms=elapsed)
            scored.append((verdict.score, row.is_spam))
            if index >= half:
                second_half.add(**seen, elapsed_ms=elapsed)
            if show_errors and key in ("fp", "fn"):
                self.stdout.write(f"{key.upper()} {verdict.score:.3f} {row.content[:100]!r}")
            if online:
                learn_many([(row.content, row.url, "spam" if row.is_spam else "ham")])
                for peer, tally in peers:
                    tally.add(marked=peer.is_spam(row.content), is_spam=row.is_spam)
                    peer.learn(row.content, row.is_spam)
        for peer, _tally in peers:
            peer.close()
        self._report(file, rows, overall, second_half, peers, absent, online=online, order=order)
        if online:
            self._report_ceiling(scored)

    def _peers(self):
        """Return the peers that can run here, and why Bogofilter cannot (or "")."""
        peers = [(OnlineLogisticPeer(), Tally())]
        try:
            peers.append((BogofilterPeer(), Tally()))
        except PeerUnavailable as exc:
            return peers, str(exc)
        return peers, ""

    def _report_ceiling(self, scored):
        best = ceiling(scored)
        if best is None:
            return
        f1, recall, fpr, threshold = best
        self.stdout.write(
            f"{'ceiling of this ranking':<28} f1={f1:.4f} recall={recall:.4f} fpr={fpr:.4f} "
            f"(the best threshold on the combined score, chosen after the fact, with at most "
            f"1% of the ham over it: {threshold:.4f})"
        )

    def _report(self, file, rows, overall, second_half, peers, absent, *, online, order):
        counts = overall.counts
        tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
        out = self.stdout.write
        mode = f", scored then learned one by one, {order}" if online else ""
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
        if not online:
            return
        out(f"second half ({len(rows) - len(rows) // 2} comments, after learning the first):")
        out(second_half.figures())
        out(
            "the same stream, scored then learned one by one (peers start empty; their "
            "'unsure' counts as not marked, as our 'hold' does):"
        )
        out(f"{'this filter':<28} {overall.scores()}")
        for peer, tally in peers:
            out(f"{peer.name:<28} {tally.scores()}")
        if absent:
            out(f"{BogofilterPeer.name:<28} absent: {absent}")
