"""A comment's body as readers see it, rendered once when the comment is written."""

import re

from django.utils.html import escape, linebreaks, urlize, urlizer
from django.utils.safestring import SafeData

ANCHOR_RE = re.compile(r"<a href=")
# What any word urlize links must contain: "://" (http:// and https:// links), "www." or
# one of the seven gTLDs it recognises bare (example.com), or "@" (an address). A word (or
# a whole body) without any of them is only escaped by urlize.
LINKABLE = re.compile(r"@|://|www\.|\.(?:com|edu|gov|int|mil|net|org)", re.IGNORECASE)
# Code a reader writes between two lines of three backticks (or tildes), as on GitHub or Stack
# Overflow, is shown as typed: its indentation and blank lines kept, "<stdio.h>" and URLs as
# text. A fence never closed is text like the rest: nothing is hidden. Its box scrolls
# sideways on a phone: tabindex lets a keyboard reach it to scroll (axe
# scrollable-region-focusable).
FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n`]*\n(.*?)\n?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
# `code` inside a sentence, on one line; ``code with a ` in it`` as in Markdown.
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")


def _urlize(body: str) -> str:
    """urlize(body, nofollow=False, autoescape=True), cheaper on a plain comment.

    urlize escapes every word it does not link, and can link only a word that LINKABLE
    finds: a body without one is escaped whole, and only its words with one go through
    urlize's own handle_word (an import renders many thousand comments, most without a
    link; handle_word costs more than ten times escape() on each word with a "." or ":").
    """
    if isinstance(body, SafeData):  # urlize would not escape it: leave it to urlize
        return urlize(body, nofollow=False, autoescape=True)
    if not LINKABLE.search(body):
        return escape(body)
    return "".join(
        urlizer.handle_word(word, safe_input=False, nofollow=False, autoescape=True)
        if LINKABLE.search(word)
        else escape(word)
        for word in urlizer.word_split_re.split(body)
    )


def _text(body: str) -> str:
    parts, start = [], 0
    for code in INLINE_CODE.finditer(body) if "`" in body else ():
        parts += [_urlize(body[start : code.start()]), f"<code>{escape(code[2])}</code>"]
        start = code.end()
    linked = "".join(parts) + _urlize(body[start:])
    linked = ANCHOR_RE.sub('<a rel="nofollow ugc" href=', linked)
    return linebreaks(linked, autoescape=False)


def render_comment_body(body: str) -> str:
    """Escape a comment body, link its URLs with rel="nofollow ugc", keep its line breaks,
    and show its code (FENCE, INLINE_CODE) as code.

    Everything the commenter typed is escaped first (urlize with autoescape, escape() for
    code); only urlize's own links, linebreaks' paragraphs and the code's <pre> and <code>
    are markup.
    """
    # Browsers send a textarea's line ends as "\r\n": a fence is a line of its own either way.
    body = (body or "").replace("\r\n", "\n")
    if "```" not in body and "~~~" not in body:
        return _text(body)
    parts, start = [], 0
    for fence in FENCE.finditer(body):
        parts += [body[start : fence.start()].strip(), fence]
        start = fence.end()
    parts.append(body[start:].strip())
    return "\n\n".join(
        f'<pre tabindex="0"><code>{escape(part[2])}</code></pre>'
        if isinstance(part, re.Match)
        else _text(part)
        for part in parts
        if part
    )
