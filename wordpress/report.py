"""What an import did: counts per kind of content, and one entry per item that was skipped,
changed on the way in or worth a note, each naming the item (kind, WordPress id, title),
what happened and which field. Every entry is kept: none is dropped for space.

Counts and entries are staged while an item's transaction is open and kept only when it
commits (commit()): an item undone, or a batch rolled back, leaves nothing in the report
but the reason it was skipped. Committed entries go to a sink (the admin's run writes them
as rows) or to a spooled file (the command prints them all at the end), so a report of a
million comments does not stay in memory.
"""

import csv
import io
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

OUTCOMES = ("created", "updated", "unchanged", "skipped")
# What an entry says happened to its item.
SKIPPED, CHANGED, NOTE = "skipped", "changed", "note"
ENTRY_FIELDS = ("kind", "wordpress_id", "title", "action", "field", "message")


def kind_label(kind: str) -> str:
    """The table's name for a kind of content (the report's keys stay English)."""
    labels = {
        "authors": pgettext("import report", "authors"),
        "categories": pgettext("import report", "categories"),
        "tags": pgettext("import report", "tags"),
        "media": pgettext("import report", "media"),
        "media fetched": pgettext("import report", "media fetched"),
        "posts": pgettext("import report", "articles"),
        "pages": pgettext("import report", "pages"),
        "comments": pgettext("import report", "comments"),
        "page comments": pgettext("import report", "comments on pages"),
        "redirects": pgettext("import report", "redirects"),
        "reaction counts": pgettext("import report", "reaction counts"),
        "spam training": pgettext("import report", "spam training"),
        "other": pgettext("import report", "other"),
        "file": pgettext("import report", "file"),
    }
    return labels.get(kind, kind)


def action_label(action: str) -> str:
    return {
        SKIPPED: pgettext("import report", "skipped"),
        CHANGED: pgettext("import report", "changed"),
        NOTE: pgettext("import report", "note"),
    }.get(action, action)


@dataclass
class Entry:
    kind: str
    wordpress_id: int | None
    title: str
    action: str
    field: str
    message: str

    def as_row(self) -> list:
        return [
            self.kind,
            self.wordpress_id or "",
            self.title,
            self.action,
            self.field,
            self.message,
        ]


class _Spool:
    """Committed entries in a temporary file (in memory while small), read back in order."""

    def __init__(self):
        # Open as long as the report: closed (and removed) when it is collected.
        self._file = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._file)
        self.size = 0

    def __call__(self, entries: list[Entry]) -> None:
        self._file.seek(0, io.SEEK_END)
        self._writer.writerows(entry.as_row() for entry in entries)
        self.size += len(entries)

    def __iter__(self) -> Iterator[Entry]:
        self._file.seek(0)
        for row in csv.reader(self._file):
            kind, wordpress_id, *rest = row
            yield Entry(kind, int(wordpress_id) if wordpress_id else None, *rest)


@dataclass
class Report:
    counts: dict = field(default_factory=dict)  # kind -> {outcome: n}, committed
    warnings: dict = field(default_factory=dict)  # message -> [first line, times, lines]
    missing_media: list = field(default_factory=list)
    collisions: list = field(default_factory=list)  # [old path, what answers there]
    # Items by WordPress type that are not imported (custom post types...) -> how many.
    other_types: dict = field(default_factory=dict)
    error: str = ""
    dry_run: bool = False
    entry_count: int = 0
    sink: Callable[[list], object] | None = field(default=None, repr=False)
    _staged_counts: list = field(default_factory=list, repr=False)
    _staged_entries: list = field(default_factory=list, repr=False)
    _spool: _Spool | None = field(default=None, repr=False)

    # Writing, while items are imported.

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self._staged_counts.append((kind, outcome, n))

    def entry(self, kind, label, message, *, action, wordpress_id=None, field="") -> None:
        self._staged_entries.append(
            Entry(kind, wordpress_id, str(label or ""), action, field, str(message))
        )

    def skip(self, kind: str, label: str, reason: str, *, wordpress_id=None, field="") -> None:
        """The item is not imported: say why."""
        self.count(kind, "skipped")
        self.entry(kind, label, reason, action=SKIPPED, wordpress_id=wordpress_id, field=field)

    def changed(self, kind: str, label: str, what: str, *, wordpress_id=None, field="") -> None:
        """The item is imported with one field cleared or derived: say which and how."""
        self.entry(kind, label, what, action=CHANGED, wordpress_id=wordpress_id, field=field)

    def note(self, kind: str, label: str, note: str, *, wordpress_id=None, field="") -> None:
        self.entry(kind, label, note, action=NOTE, wordpress_id=wordpress_id, field=field)

    def warn(self, line: int, message: str) -> None:
        """Something in the file itself (not one item) was repaired or skipped."""
        seen = self.warnings.setdefault(str(message), [line, 0, []])
        seen[1] += 1
        if len(seen[2]) < 10:
            seen[2].append(line)

    def other_type(self, post_type: str) -> None:
        self.other_types[post_type] = self.other_types.get(post_type, 0) + 1

    def missing(self, url: str) -> None:
        if url not in self.missing_media:
            self.missing_media.append(url)

    def collision(self, old_path: str, answered_by: str) -> None:
        self.collisions.append([old_path, answered_by])

    # Transactions: what an undone item or a rolled-back batch wrote is forgotten.

    def mark(self) -> tuple[int, int]:
        return len(self._staged_counts), len(self._staged_entries)

    def undo(self, mark) -> None:
        del self._staged_counts[mark[0] :]
        del self._staged_entries[mark[1] :]

    def rollback(self) -> None:
        self.undo((0, 0))

    def commit(self) -> None:
        """What was staged is written for good (its transaction committed)."""
        for kind, outcome, n in self._staged_counts:
            row = self.counts.setdefault(kind, dict.fromkeys(OUTCOMES, 0))
            row[outcome] += n
        if self._staged_entries:
            if self.sink is None and self._spool is None:
                self._spool = _Spool()
            (self.sink or self._spool)(self._staged_entries)
            self.entry_count += len(self._staged_entries)
        self._staged_counts, self._staged_entries = [], []

    # Reading.

    def total(self, kind: str, outcome: str) -> int:
        return self.counts.get(kind, {}).get(outcome, 0)

    def entries(self) -> Iterator[Entry]:
        """Every committed entry, in the order they came (not those given to a sink)."""
        return iter(self._spool) if self._spool is not None else iter(())

    @property
    def skips(self) -> list:
        return [[e.kind, e.title, e.message] for e in self.entries() if e.action == SKIPPED]

    @property
    def notes(self) -> list:
        return [[e.kind, e.title, e.message] for e in self.entries() if e.action != SKIPPED]

    def as_json(self) -> dict:
        """The summary (the entries are stored apart, see wordpress.models.ImportEntry)."""
        return {
            "counts": self.counts,
            "warnings": self.warnings,
            "missing_media": self.missing_media,
            "collisions": self.collisions,
            "other_types": self.other_types,
            "error": self.error,
            "dry_run": self.dry_run,
            "entry_count": self.entry_count,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Report":
        names = {"counts", "warnings", "missing_media", "collisions", "other_types"}
        names |= {"error", "dry_run", "entry_count"}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})

    def summary_text(self) -> str:
        """The table of counts, the file's warnings and what else the run found."""
        headers = [pgettext("import report", "kind")] + [
            pgettext("import report", outcome) for outcome in OUTCOMES
        ]
        rows = [
            [kind_label(kind), *(str(c[o]) for o in OUTCOMES)] for kind, c in self.counts.items()
        ]
        widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(5)]

        def line(cells):
            return "  ".join(
                str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
                for i, cell in enumerate(cells)
            )

        out = [line(headers), "  ".join("-" * w for w in widths), *map(line, rows)]
        if self.dry_run:
            out += ["", _("Dry run: nothing was written.")]
        if self.other_types:
            out += ["", _("Items of types that are not imported:")]
            out += [f"  {name}: {n}" for name, n in sorted(self.other_types.items())]
        if self.warnings:
            out += ["", _("Repaired or skipped in the file:")]
            out += [_warning_line(message, seen) for message, seen in self.warnings.items()]
        if self.missing_media:
            out += ["", _("Media not found (the old address is kept):")]
            out += [f"  {url}" for url in self.missing_media]
        if self.collisions:
            out += ["", _("Old addresses that one of ours answers (not redirected):")]
            out += [f"  {path} -> {what}" for path, what in self.collisions]
        if self.error:
            out += ["", self.error]
        return "\n".join(out)

    def as_text(self) -> str:
        """The summary, then every entry, as a terminal shows them."""
        out = [self.summary_text()]
        first = True
        for entry in self.entries():
            if first:
                out += ["", _("Items (kind, WordPress id, title: what happened):")]
                first = False
            out.append(entry_line(entry))
        return "\n".join(out)


def entry_line(entry: Entry) -> str:
    where = f" [{entry.field}]" if entry.field else ""
    ident = f" #{entry.wordpress_id}" if entry.wordpress_id else ""
    return (
        f"  {kind_label(entry.kind)}{ident} “{entry.title}”: "
        f"{action_label(entry.action)}{where}: {entry.message}"
    )


def _warning_line(message: str, seen: list) -> str:
    line, times, lines = seen
    text = "  " + _("line %(line)s: %(message)s") % {"line": line, "message": message}
    if times > 1:
        text += " " + _("(%(n)d times; lines %(lines)s%(more)s)") % {
            "n": times,
            "lines": ", ".join(map(str, lines)),
            "more": ", …" if times > len(lines) else "",
        }
    return text
