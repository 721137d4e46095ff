"""Read the demo articles: a `---` delimited header of `key: value` lines, then Markdown."""

from dataclasses import dataclass, field
from pathlib import Path

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
REQUIRED = ("title", "slug", "author", "lead", "days_ago")


@dataclass(frozen=True)
class DemoArticle:
    title: str
    slug: str
    author: str
    lead: str
    days_ago: int
    body: str
    status: str = "published"
    language: str = "it"
    # The slug of the Italian article this one translates (same translation_key).
    translation_of: str = ""
    tags: tuple[str, ...] = ()
    reactions: dict[str, int] = field(default_factory=dict)


def parse(text: str, *, source: str = "<string>") -> DemoArticle:
    """Split one article file into its header fields and its Markdown body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (s.strip() for s in lines[1:]):
        raise ValueError(f"{source}: the file must start with a '---' delimited header")
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    meta = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{source}: header line without 'key: value': {line!r}")
        meta[key.strip()] = value.strip()
    missing = [key for key in REQUIRED if not meta.get(key)]
    if missing:
        raise ValueError(f"{source}: missing header fields {', '.join(missing)}")
    return DemoArticle(
        title=meta["title"],
        slug=meta["slug"],
        author=meta["author"],
        lead=meta["lead"],
        days_ago=int(meta["days_ago"]),
        status=meta.get("status", "published"),
        language=meta.get("language", "it"),
        translation_of=meta.get("translation_of", ""),
        tags=tuple(_split(meta.get("tags", ""))),
        reactions=_counts(meta.get("reactions", "")),
        body="\n".join(lines[end + 1 :]).strip() + "\n",
    )


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _counts(value: str) -> dict[str, int]:
    """Parse "useful=9, love=4" into {"useful": 9, "love": 4}."""
    pairs = (item.partition("=") for item in _split(value))
    return {code.strip(): int(count) for code, _, count in pairs}


def read_articles(directory: Path = ARTICLES_DIR) -> list[DemoArticle]:
    """Return every demo article, in file name order."""
    return [
        parse(path.read_text(encoding="utf-8"), source=path.name)
        for path in sorted(directory.glob("*.md"))
    ]
