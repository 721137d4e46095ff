"""Every string the code marks for translation has an Italian translation in a catalogue
Django loads (ours, or Django's and the apps' own where they say the same words).

The catalogues are edited by hand, so a new string can ship without its Italian and show in
English on the Italian side ("article or week", a column of the mailings' admin, did). The
strings are found as `make messages` finds them: GNU xgettext over the Python files and
over the templates as Django's templatize() turns them into something xgettext reads.
"""

import io
import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po
from django.utils.translation import template, trans_real

from tests.test_catalogues import ROOT

XGETTEXT = shutil.which("xgettext")
FOLDERS = ("blogsite", "posts", "comments", "wordpress", "templates")
# The keywords Django's makemessages gives xgettext, on top of xgettext's own for Python.
KEYWORDS = (
    "gettext_noop",
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
)


def sources(tmp_path):
    """The Python files as they are, and each template as templatize() writes it."""
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT)
            if path.suffix == ".py" and "migrations" not in relative.parts:
                yield str(path)
            elif path.suffix in (".html", ".txt") and "jinja2" not in relative.parts:
                copy = tmp_path / relative.with_suffix(path.suffix + ".py")
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_text(template.templatize(path.read_text(encoding="utf-8"), str(path)))
                yield str(copy)
            elif path.suffix == ".html":  # Jinja2: _() and gettext() calls, read as Python
                yield str(path)


def marked_strings(tmp_path):
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(sources(tmp_path)))
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [XGETTEXT, "--language=Python", "--from-code=UTF-8", "--output", str(pot)]
        + [f"--keyword={keyword}" for keyword in KEYWORDS]
        + ["--files-from", str(listing)],
        check=True,
        capture_output=True,
    )
    # The template's header has placeholders Babel will not parse ("nplurals=INTEGER").
    text = pot.read_text(encoding="utf-8").replace("nplurals=INTEGER; plural=EXPRESSION;", "")
    return [message for message in read_po(io.StringIO(text)) if message.id]


@pytest.mark.skipif(XGETTEXT is None, reason="needs GNU gettext's xgettext, as make messages")
def test_every_string_marked_in_the_code_has_its_italian(tmp_path):
    messages = marked_strings(tmp_path)
    assert len(messages) > 1000
    catalogue = trans_real.translation("it")._catalog  # every catalogue Django merged
    missing = []
    for message in messages:
        singular = message.id[0] if message.pluralizable else message.id
        key = f"{message.context}\x04{singular}" if message.context else singular
        if (key, 0) not in catalogue and key not in catalogue:
            missing.append(singular)
    assert missing == []
