"""A comment's body as readers see it, rendered once when the comment is written."""

import re

from django.utils.html import escape, linebreaks, urlize, urlizer
from django.utils.safestring import SafeData

ANCHOR_RE = re.compile(r"<a href=")
# What any word urlize links must contain: "://" (http:// and https:// links), "www." or
# one of the seven gTLDs it recognises bare (example.com), or "@" (an address). A word (or
# a whole body) without any of them is only escaped by urlize.
LINKABLE = re.compile(r"@|://|www\.|\.(?:com|edu|gov|int|mil|net|org)", re.IGNORECASE)


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


def render_comment_body(body: str) -> str:
    """Escape a comment body, link its URLs with rel="nofollow ugc", keep its line breaks.

    Everything the commenter typed is escaped first (urlize with autoescape); only urlize's
    own links and linebreaks' paragraphs are markup.
    """
    linked = _urlize(body or "")
    linked = ANCHOR_RE.sub('<a rel="nofollow ugc" href=', linked)
    return linebreaks(linked, autoescape=False)
