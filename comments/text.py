"""A comment's body as readers see it, rendered once when the comment is written."""

import re

from django.utils.html import linebreaks, urlize

ANCHOR_RE = re.compile(r"<a href=")


def render_comment_body(body: str) -> str:
    """Escape a comment body, link its URLs with rel="nofollow ugc", keep its line breaks.

    Everything the commenter typed is escaped first (urlize with autoescape); only urlize's
    own links and linebreaks' paragraphs are markup.
    """
    linked = urlize(body or "", nofollow=False, autoescape=True)
    linked = ANCHOR_RE.sub('<a rel="nofollow ugc" href=', linked)
    return linebreaks(linked, autoescape=False)
