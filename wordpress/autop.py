"""The classic editor's paragraphs: blank-line-separated text wrapped in <p>, as WordPress's
wpautop() showed it (wp-includes/formatting.php).

Done in wpautop's order: blank lines go around every block-level tag first, so that text
before or after a heading, a list or a table in the same chunk becomes a paragraph of its
own; every chunk is then wrapped, and the <p> around a lone block tag is taken away again.
Wrapping only the chunks that did not start with a block tag left "<h3>Title</h3>\\nText"
and "</ul>\\nEnd." with bare text, and put a list typed on the line below a sentence inside
that sentence's <p>.
"""

import re

# wpautop's block-level elements. Table parts, list items and definitions are among them:
# each on its own line must not become a paragraph of its own.
BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
OPENING = re.compile(rf"(<{BLOCKS}[\s/>])", re.IGNORECASE)
CLOSING = re.compile(rf"(</{BLOCKS}>)", re.IGNORECASE)
HR = re.compile(r"(<hr\s*/?>)", re.IGNORECASE)
BLOCK_TAG = rf"</?{BLOCKS}[^>]*>"
# A <pre> keeps its blank lines and indentation: wpautop sets it aside too.
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
PRE_PLACEHOLDER = re.compile(r"<pre wp-pre-tag-([0-9]+)></pre>")
# A line break inside a tag (attributes on several lines) is no line of text.
TAG = re.compile(r"<[^<>]*>")
IN_TAG_NEWLINE = "\x00"
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _rules(text: str) -> str:
    """wpautop's clean-up after wrapping every chunk in <p>."""
    text = re.sub(r"<p>\s*</p>", "", text)
    # Text alone in a <div> (or <address>, <form>) on one chunk: a paragraph inside it.
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    # A block tag alone in its chunk is no paragraph (a "</ul>" on a line of its own).
    text = re.sub(rf"<p>\s*({BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text, flags=re.IGNORECASE)
    # A quotation's text is a paragraph inside the <blockquote>.
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = re.sub(r"</blockquote></p>", "</p></blockquote>", text, flags=re.IGNORECASE)
    text = re.sub(rf"<p>\s*({BLOCK_TAG})", r"\1", text, flags=re.IGNORECASE)
    return re.sub(rf"({BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)


def _line_breaks(text: str) -> str:
    """A single line break inside a paragraph becomes <br>; none next to a block tag."""
    text = BR.sub("<br>", text)
    text = re.sub(r"(?<!<br>)\s*\n", "<br>\n", text)
    text = re.sub(rf"({BLOCK_TAG})\s*<br>", r"\1", text, flags=re.IGNORECASE)
    return re.sub(
        r"<br>(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)",
        r"\1",
        text,
        flags=re.IGNORECASE,
    )


def autop(text: str) -> str:
    """Wrap the classic editor's blank-line-separated paragraphs in <p> (as wpautop does);
    single line breaks inside a paragraph become <br>. A <pre> is left as it is, a block
    of its own: code with blank lines was cut into paragraphs and lost its indentation."""
    if not text.strip():
        return ""
    kept = []

    def set_aside(match) -> str:
        kept.append(match[0])
        return f"<pre wp-pre-tag-{len(kept) - 1}></pre>"

    text = PRE.sub(set_aside, text.replace("\r\n", "\n").replace("\r", "\n"))
    # Two <br> in a row were the author's blank line.
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.IGNORECASE)
    text = OPENING.sub(r"\n\n\1", text)
    text = CLOSING.sub(r"\1\n\n", text)
    text = HR.sub(r"\1\n\n", text)
    text = TAG.sub(lambda m: m[0].replace("\n", IN_TAG_NEWLINE), text)
    # A player's sources and a figure's caption stay inside their element.
    text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"</figcaption>\s*", "</figcaption>", text, flags=re.IGNORECASE)
    chunks = (chunk.strip() for chunk in re.split(r"\n\s*\n", text))
    text = "".join(f"<p>{chunk}</p>\n" for chunk in chunks if chunk)
    text = _line_breaks(_rules(text)).rstrip("\n")
    text = re.sub(r"\n</p>$", "</p>", text)
    text = PRE_PLACEHOLDER.sub(lambda m: kept[int(m[1])], text)
    return text.replace(IN_TAG_NEWLINE, "\n")
