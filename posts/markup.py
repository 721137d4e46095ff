"""Render article Markdown to sanitized HTML.

Markdown runs first, then every byte of its output goes through nh3 (ammonia) with an
allow-list of tags, attributes and URL schemes. Nothing the author writes, raw HTML included,
reaches a reader without passing the sanitizer.
"""

import html
import re
from html import escape
from html.parser import HTMLParser

import markdown
import nh3
from django.db import models
from django.utils.translation import gettext_lazy as _
from markdown import inlinepatterns
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Text-level tags without attributes are harmless and carry meaning an imported WordPress body
# uses (pasted <b> and <i>, <q>, <cite>, <kbd>...): dropping them kept the words but lost it.
ALLOWED_TAGS = {
    "a", "abbr", "audio", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "video",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "audio": {"src"},
    "video": {"src", "width", "height"},
    "th": {"align", "scope"},
    "td": {"align"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# A sound or a video always has the browser's controls and loads nothing until the reader
# presses play (it may live on another site: nothing is asked of it before then).
FIXED_ATTRIBUTES = {
    "audio": {"controls": "controls", "preload": "none"},
    "video": {"controls": "controls", "preload": "none"},
}
# Dropped with their content, not just unwrapped: their text is never meant to be read.
REMOVED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}

# An author marks a link as sponsored by giving it the title "sponsor":
#   [Spedizioni Rapide](https://example.com "sponsor")
SPONSOR_TITLE = "sponsor"
SPONSOR_REL = "sponsored noopener"
SPONSOR_MARKER = "[sponsor]"


class _HeadingTreeprocessor(Treeprocessor):
    """Make the body's top heading level h2: the article title is the page's only h1.

    Authors write "# Section" or "## Section" alike; either way the outline stays in order.
    """

    def run(self, root):
        headings = [el for el in root.iter() if re.fullmatch(r"h[1-6]", el.tag)]
        if not headings:
            return
        shift = 2 - min(int(el.tag[1]) for el in headings)
        for element in headings:
            element.tag = f"h{min(6, int(element.tag[1]) + shift)}"


LINK_TARGET_LIMIT = 500


class _MatchedBrackets:
    """Find the "]" closing a "[" in linear time for a whole inline run.

    Python-Markdown's link, image and reference processors each scan from every "[" to the
    end of the text looking for its "]" (LinkInlineProcessor.getText). With no "]" that is
    quadratic: a body of 10,000 "[" took 17 seconds to save. Here one scan answers for every
    "[" it passes (same nesting rule), and later "[" of the same text are looked up.
    """

    def getText(self, data, index):  # noqa: N802 (Markdown's API name)
        if index < 1 or data[index - 1] != "[":
            return super().getText(data, index)
        if getattr(self, "_bracket_data", None) is not data:
            self._bracket_data, self._bracket_ends = data, {}
        ends = self._bracket_ends
        if index - 1 not in ends:
            _scan_brackets(data, index - 1, ends)
        end = ends[index - 1]
        if end is None:
            return data[index:], len(data), False
        return data[index:end], end + 1, True

    def getLink(self, data, index):  # noqa: N802 (Markdown's API name)
        # The address and title are scanned for balanced parentheses up to the end of the
        # text; "[a](" repeated has none, another quadratic scan. An address and title
        # longer than LINK_TARGET_LIMIT are not a link, which bounds each scan, and with no
        # ")" in reach there is nothing to scan for.
        window = data[: index + LINK_TARGET_LIMIT]
        if window.find(")", index) == -1:
            return "", None, index, False
        return super().getLink(window, index)


_BRACKET = re.compile(r"[\[\]]")


def _scan_brackets(data: str, start: int, ends: dict) -> None:
    """Record in ends the "]" closing the "[" at start, and that of every "[" met on the way
    (None when a "[" is never closed)."""
    opened = []
    for match in _BRACKET.finditer(data, start):
        position = match.start()
        if data[position] == "[":
            opened.append(position)
        elif opened:
            ends[opened.pop()] = position
            if not opened:
                return
    for position in opened:
        ends[position] = None


# (name, Python-Markdown class, pattern, priority): the ones Markdown registers by default.
_BRACKET_PROCESSORS = [
    ("reference", inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE, 170),
    ("link", inlinepatterns.LinkInlineProcessor, inlinepatterns.LINK_RE, 160),
    ("image_link", inlinepatterns.ImageInlineProcessor, inlinepatterns.IMAGE_LINK_RE, 150),
    (
        "image_reference",
        inlinepatterns.ImageReferenceInlineProcessor,
        inlinepatterns.IMAGE_REFERENCE_RE,
        140,
    ),
    (
        "short_reference",
        inlinepatterns.ShortReferenceInlineProcessor,
        inlinepatterns.REFERENCE_RE,
        130,
    ),
    (
        "short_image_ref",
        inlinepatterns.ShortImageReferenceInlineProcessor,
        inlinepatterns.IMAGE_REFERENCE_RE,
        125,
    ),
]
_BOUNDED_PROCESSORS = [
    (name, type(f"Bounded{cls.__name__}", (_MatchedBrackets, cls), {}), pattern, priority)
    for name, cls, pattern, priority in _BRACKET_PROCESSORS
]


class _ArticleExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_HeadingTreeprocessor(md), "demote_headings", 5)
        for name, cls, pattern, priority in _BOUNDED_PROCESSORS:
            md.inlinePatterns.register(cls(pattern, md), name, priority)


class _FixedMarkupRewriter(HTMLParser):
    """Re-emit sanitized HTML, turning links titled "sponsor" into disclosed sponsored links
    and making each <pre> reachable by keyboard.

    It runs on the sanitizer's output and only adds constant markup, so it cannot reopen
    what the sanitizer closed. Attribute order or quoting in the source does not matter.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.open_sponsored = []

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            # Code scrolls sideways in its own box: a keyboard must be able to reach it
            # (axe scrollable-region-focusable).
            attrs = [*attrs, ("tabindex", "0")]
        sponsored = False
        if tag == "a":
            sponsored = any(
                name == "title" and (value or "").strip().lower() == SPONSOR_TITLE
                for name, value in attrs
            )
            if sponsored:
                attrs = [(n, v) for n, v in attrs if n != "title"] + [("rel", SPONSOR_REL)]
            self.open_sponsored.append(sponsored)
        self.out.append(_start_tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.out.append(_start_tag(tag, attrs))

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag == "a" and self.open_sponsored and self.open_sponsored.pop():
            self.out.append(f' <span class="sponsor-marker">{SPONSOR_MARKER}</span>')

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")


def _start_tag(tag, attrs):
    rendered = "".join(f' {name}="{escape(value or "", quote=True)}"' for name, value in attrs)
    return f"<{tag}{rendered}>"


def sanitize_html(html: str) -> str:
    """Return html with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        set_tag_attribute_values=FIXED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Return the sanitized HTML for an article body written in Markdown."""
    try:
        html = markdown.markdown(
            text or "",
            extensions=["extra", "sane_lists", "smarty", _ArticleExtension()],
            output_format="html",
        )
    except RecursionError:
        # Python-Markdown parses nested lists and quotes recursively: a few hundred levels
        # ("  - " repeated on one line) exhaust the stack. Such a body is shown as the text
        # it is rather than failing the save.
        html = _plain_paragraphs(text)
    return render_html(html)


def _plain_paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(block)}</p>" for block in re.split(r"\n\s*\n", text) if block)


class BodyFormat(models.TextChoices):
    """How a body is written: Markdown (authors here) or HTML (imported from WordPress)."""

    MARKDOWN = "markdown", _("Markdown")
    HTML = "html", _("HTML")


def render_html(fragment: str) -> str:
    """Return the sanitized HTML for a body written in HTML: the same allow-list and the same
    sponsored-link disclosure as Markdown bodies."""
    rewriter = _FixedMarkupRewriter()
    rewriter.feed(sanitize_html(fragment or ""))
    rewriter.close()
    return "".join(rewriter.out)


def render_body(text: str, body_format: str = BodyFormat.MARKDOWN) -> str:
    """Return the sanitized HTML of a body in either format."""
    if body_format == BodyFormat.HTML:
        return render_html(text)
    return render_markdown(text)


def plain_text(text: str) -> str:
    """Return the readable text of a Markdown body, without any markup."""
    return html_to_text(render_markdown(text))


def html_to_text(fragment: str) -> str:
    """Return the readable text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(nh3.clean(fragment, tags=set())).split())


def reading_minutes(text: str, words_per_minute: int = 200) -> int:
    """Estimate the reading time of a Markdown text in whole minutes (at least one)."""
    words = len(re.findall(r"\w+", text or ""))
    return max(1, round(words / words_per_minute))
