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
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "li", "mark", "ol", "p", "pre",
    "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "scope"},
    "td": {"align"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
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


class _ArticleExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_HeadingTreeprocessor(md), "demote_headings", 5)


class _SponsoredLinkRewriter(HTMLParser):
    """Re-emit sanitized HTML, turning links titled "sponsor" into disclosed sponsored links.

    It runs on the sanitizer's output and only adds constant markup, so it cannot reopen
    what the sanitizer closed. Attribute order or quoting in the source does not matter.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.open_sponsored = []

    def handle_starttag(self, tag, attrs):
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
        url_schemes=ALLOWED_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Return the sanitized HTML for an article body written in Markdown."""
    html = markdown.markdown(
        text or "",
        extensions=["extra", "sane_lists", "smarty", _ArticleExtension()],
        output_format="html",
    )
    return render_html(html)


class BodyFormat(models.TextChoices):
    """How a body is written: Markdown (authors here) or HTML (imported from WordPress)."""

    MARKDOWN = "markdown", _("Markdown")
    HTML = "html", _("HTML")


def render_html(fragment: str) -> str:
    """Return the sanitized HTML for a body written in HTML: the same allow-list and the same
    sponsored-link disclosure as Markdown bodies."""
    rewriter = _SponsoredLinkRewriter()
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
