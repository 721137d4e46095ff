"""The committed catalogues are well formed: GNU msgfmt (what `make messages` and
translators' tools run) refuses a file with a message defined twice or a msgid without its
msgstr, even where Babel, which builds our .mo files, reads on. Merges of two branches that
each added a string have left both behind."""

import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for folder in ("locale", "posts/locale", "comments/locale", "wordpress/locale")
    for path in (ROOT / folder).glob("*/LC_MESSAGES/*.po")
)
# An entry's key: its context (if any) and its msgid, continuation lines included.
ENTRY = re.compile(r'^(?:msgctxt ((?:".*"\n)+))?msgid ((?:".*"\n)+)', re.MULTILINE)
MSGID_WITHOUT_MSGSTR = re.compile(r'^msgid(?:_plural)? (?:".*"\n)++(?!msgstr|msgid_plural)', re.M)


def test_there_are_catalogues():
    assert len(CATALOGUES) >= 8


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_message_is_defined_once_with_its_translation(path):
    text = path.read_text(encoding="utf-8")
    keys = Counter(ENTRY.findall(text))
    duplicates = [msgid for (context, msgid), count in keys.items() if count > 1]
    assert duplicates == []
    assert MSGID_WITHOUT_MSGSTR.findall(text) == []
    header = text.split("\n\n", 1)[0]
    if "msgid_plural" in text:
        assert "Plural-Forms:" in header
