"""Labelled comment files (CSV with `content` and `label` = spam/ham) for training and scoring."""

import csv
import html
from dataclasses import dataclass
from pathlib import Path


class DatasetError(ValueError):
    """A labelled file that cannot be used, with a message for the person who gave it."""


@dataclass(frozen=True)
class LabelledComment:
    content: str
    is_spam: bool
    author: str = ""
    email: str = ""
    url: str = ""
    date: str = ""  # as written in the file (ISO 8601 sorts as text)


def read_labelled_csv(path) -> list[LabelledComment]:
    """Read a labelled CSV; HTML entities in the text are unescaped, other columns ignored."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [name.strip().lower() for name in reader.fieldnames or []]
            missing = [name for name in ("content", "label") if name not in columns]
            if missing:
                raise DatasetError(
                    f"{path}: missing column(s) {', '.join(missing)}; found "
                    f"{', '.join(columns) or 'no header'}. A labelled file needs the columns "
                    "'content' and 'label' (spam or ham)."
                )
            reader.fieldnames = columns
            rows = []
            for line, row in enumerate(reader, start=2):
                label = (row.get("label") or "").strip().lower()
                if label not in ("spam", "ham"):
                    raise DatasetError(
                        f"{path}, line {line}: label must be 'spam' or 'ham', not {label!r}."
                    )
                rows.append(
                    LabelledComment(
                        content=html.unescape(row.get("content") or ""),
                        is_spam=label == "spam",
                        author=html.unescape(row.get("author") or ""),
                        email=row.get("email") or "",
                        url=row.get("url") or "",
                        date=(row.get("date") or "").strip(),
                    )
                )
    except FileNotFoundError as exc:
        raise DatasetError(f"{path}: no such file.") from exc
    except IsADirectoryError as exc:
        raise DatasetError(f"{path}: is a directory, not a CSV file.") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: not UTF-8 text ({exc.reason}).") from exc
    except csv.Error as exc:
        raise DatasetError(f"{path}: not a valid CSV file ({exc}).") from exc
    if not rows:
        raise DatasetError(f"{path}: no labelled comments in the file.")
    return rows
