"""Render article Markdown to sanitized HTML."""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "li", "mark", "ol", "p", "pre",
    "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "th": {"align", "scope"},
    "td": {"align"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "span": {"class"},
    "code": {"class"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# An author marks a link as sponsored by giving it the title "sponsor":
#   [Spedizioni Rapide](https://example.com "sponsor")
SPONSOR_TITLE = "sponsor"
_SPONSORED_LINK = re.compile(r'<a href="([^"]*)" title="sponsor">(.*?)</a>', re.DOTALL)


def render_markdown(text: str) -> str:
    """Return the sanitized HTML for an article body written in Markdown."""
    html = markdown.markdown(
        text or "",
        extensions=["extra", "sane_lists", "smarty"],
        output_format="html",
    )
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # After sanitizing, so an author cannot smuggle attributes in through the title.
    return _SPONSORED_LINK.sub(
        r'<a href="\1" rel="sponsored noopener">\2</a> '
        r'<span class="sponsor-marker">[sponsor]</span>',
        html,
    )


def reading_minutes(text: str, words_per_minute: int = 200) -> int:
    """Estimate the reading time of a Markdown text in whole minutes (at least one)."""
    words = len(re.findall(r"\w+", text or ""))
    return max(1, round(words / words_per_minute))
