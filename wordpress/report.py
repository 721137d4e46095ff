"""What an import did, per kind of content: created, updated, unchanged, skipped (and why)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

OUTCOMES = ("created", "updated", "unchanged", "skipped")


def kind_label(kind: str) -> str:
    """The table's name for a kind of content (the report's keys stay English)."""
    labels = {
        "authors": pgettext("import report", "authors"),
        "categories": pgettext("import report", "categories"),
        "tags": pgettext("import report", "tags"),
        "media": pgettext("import report", "media"),
        "posts": pgettext("import report", "articles"),
        "pages": pgettext("import report", "pages"),
        "comments": pgettext("import report", "comments"),
        "redirects": pgettext("import report", "redirects"),
        "reaction counts": pgettext("import report", "reaction counts"),
        "spam training": pgettext("import report", "spam training"),
        "other": pgettext("import report", "other"),
    }
    return labels.get(kind, kind)


# Detail lists keep this many entries each; the counts are always complete.
MAX_LISTED = 200


@dataclass
class Report:
    counts: dict = field(default_factory=dict)  # kind -> {outcome: n}
    skips: list = field(default_factory=list)  # [kind, label, reason]
    notes: list = field(default_factory=list)  # [kind, label, note]
    missing_media: list = field(default_factory=list)
    collisions: list = field(default_factory=list)  # [old path, what answers there]
    error: str = ""
    dry_run: bool = False

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        row = self.counts.setdefault(kind, dict.fromkeys(OUTCOMES, 0))
        row[outcome] += n

    def skip(self, kind: str, label: str, reason: str) -> None:
        self.count(kind, "skipped")
        if len(self.skips) < MAX_LISTED:
            self.skips.append([kind, str(label), str(reason)])

    def note(self, kind: str, label: str, note: str) -> None:
        if len(self.notes) < MAX_LISTED:
            self.notes.append([kind, str(label), str(note)])

    def missing(self, url: str) -> None:
        if url not in self.missing_media and len(self.missing_media) < MAX_LISTED:
            self.missing_media.append(url)

    def collision(self, old_path: str, answered_by: str) -> None:
        if len(self.collisions) < MAX_LISTED:
            self.collisions.append([old_path, answered_by])

    def total(self, kind: str, outcome: str) -> int:
        return self.counts.get(kind, {}).get(outcome, 0)

    def as_json(self) -> dict:
        return {
            "counts": self.counts,
            "skips": self.skips,
            "notes": self.notes,
            "missing_media": self.missing_media,
            "collisions": self.collisions,
            "error": self.error,
            "dry_run": self.dry_run,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Report":
        return cls(**{k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__})

    def as_text(self) -> str:
        """The final table, then every skip with its reason, as a terminal shows it."""
        headers = [
            pgettext("import report", "kind"),
            pgettext("import report", "created"),
            pgettext("import report", "updated"),
            pgettext("import report", "unchanged"),
            pgettext("import report", "skipped"),
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
        for title, entries in (
            (_("Skipped"), self.skips),
            (_("Notes"), self.notes),
        ):
            if entries:
                out += ["", title + ":"] + [
                    f"  {kind_label(k)} {label}: {text}" for k, label, text in entries
                ]
        if self.missing_media:
            out += ["", _("Media not found (the old address is kept):")]
            out += [f"  {url}" for url in self.missing_media]
        if self.collisions:
            out += ["", _("Old addresses that one of ours answers (not redirected):")]
            out += [f"  {path} -> {what}" for path, what in self.collisions]
        if self.error:
            out += ["", self.error]
        return "\n".join(out)
