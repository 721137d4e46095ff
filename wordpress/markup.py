"""Turn WordPress's own markup into plain HTML our sanitizer (posts.markup) then cleans.

What WordPress adds on top of HTML: block-editor comments (<!-- wp:paragraph -->), the
classic editor's bare line breaks (wpautop), shortcodes ([caption], [gallery], [embed],
[audio], [video]),
<!--more--> (where the excerpt ends) and <!--nextpage--> (page breaks), and bare video URLs
on their own line (oEmbed). Everything here only rearranges markup the author wrote or adds
fixed markup; posts.markup.render_html() still decides what a reader gets.

Unknown shortcodes are left as the text they are ("[contact-form-7 id=3]" reads as that),
never turned into markup.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# A block saved with no markup of its own (<!-- wp:latest-posts /-->): WordPress draws it
# each time the page is shown, from the site's other content.
# Its attributes never run past the end of its own comment.
DRAWN_BLOCK = re.compile(
    r"<!--\s*wp:([a-z][a-z0-9_/-]*)(\s+\{(?:(?!-->).)*?\})?\s*/-->", re.DOTALL
)
MORE = re.compile(r"<!--more(?:\s[^>]*)?-->", re.IGNORECASE)
NEXTPAGE = re.compile(r"<!--nextpage-->", re.IGNORECASE)
CAPTION = re.compile(r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.IGNORECASE)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
MEDIA_SHORTCODE = re.compile(
    r"\[(audio|video)\b([^\]]*)\](?:(.*?)\[/\1\])?", re.DOTALL | re.IGNORECASE
)
# Where WordPress's [audio] and [video] take their file: src, or one attribute per format.
MEDIA_SOURCES = {
    "audio": ("src", "mp3", "m4a", "ogg", "oga", "wav", "flac", "wma"),
    "video": ("src", "mp4", "m4v", "webm", "ogv", "mov", "wmv", "flv"),
}
ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
IMG_OR_LINKED_IMG = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)
VIDEO_URL = re.compile(
    r"^\s*(?:<p>)?\s*(https?://(?:www\.|m\.)?(?:youtube\.com/watch\?[^\s<]+|youtu\.be/[^\s<]+"
    r"|vimeo\.com/\d+[^\s<]*))\s*(?:</p>)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
URL_ATTRIBUTE = re.compile(r"""(\s(?:src|href)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE)
# A <pre> keeps its blank lines and indentation: wpautop sets it aside too.
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
PRE_PLACEHOLDER = re.compile(r"<pre wp-pre-tag-([0-9]+)></pre>")
BLOCK_START = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|li|dl|blockquote|figure|pre|table|div|hr|section|address)\b",
    re.IGNORECASE,
)


@dataclass
class Image:
    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class Converted:
    html: str
    excerpt: str  # the text before <!--more-->, "" when there is none
    had_more: bool = False
    pages: int = 1
    # Blocks WordPress drew when showing the page, which have nothing here ("post-title",
    # "block #12" for a reusable block the file does not hold).
    drawn: list[str] = field(default_factory=list)


def shortcode_attributes(text: str) -> dict:
    return {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTRIBUTE.finditer(text)}


def _caption(match) -> str:
    attributes = shortcode_attributes(match[2])
    inner = match[3]
    found = IMG_OR_LINKED_IMG.match(inner)
    if found:
        image, caption = found[1], found[2].strip()
    else:
        image, caption = inner, ""
    caption = caption or attributes.get("caption", "")
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{image.strip()}{figcaption}</figure>"


def _gallery(match, gallery: Callable[[list[int] | None], list[Image]]) -> str:
    attributes = shortcode_attributes(match[1])
    ids = [int(n) for n in re.findall(r"\d+", attributes.get("ids", "") or "")] or None
    images = gallery(ids)
    if not images:
        return ""
    items = []
    for image in images:
        caption = f"<figcaption>{html.escape(image.caption)}</figcaption>" if image.caption else ""
        items.append(
            f'<li><figure><img src="{html.escape(image.url, quote=True)}" '
            f'alt="{html.escape(image.alt, quote=True)}">{caption}</figure></li>'
        )
    return "<ul>" + "".join(items) + "</ul>"


def _media_player(match) -> str:
    """[audio mp3="..."] and [video src="..."]: the player, and a link to the file below it
    (its name, for a reader whose browser cannot play it, and to download it)."""
    tag = match[1].lower()
    attributes = shortcode_attributes(match[2])
    url = next((attributes[k] for k in MEDIA_SOURCES[tag] if attributes.get(k)), "")
    if not url:
        inner = (match[3] or "").strip()
        url = inner if inner.startswith(("http://", "https://", "/")) else ""
    if not url:
        return ""
    src = html.escape(url, quote=True)
    name = html.escape(url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or url)
    size = ""
    if tag == "video":
        size = "".join(
            f' {k}="{int(attributes[k])}"'
            for k in ("width", "height")
            if attributes.get(k, "").isdigit()
        )
    return (
        f'<figure><{tag} src="{src}"{size}></{tag}>'
        f'<figcaption><a href="{src}">{name}</a></figcaption></figure>'
    )


def _video_link(match) -> str:
    url = match[1]
    # A plain link: nothing is requested from the video site until the reader clicks.
    return f'<p><a href="{html.escape(url, quote=True)}">{html.escape(url)}</a></p>'


def autop(text: str) -> str:
    """Wrap the classic editor's blank-line-separated paragraphs in <p> (as wpautop does);
    single line breaks inside a paragraph become <br>. A <pre> is left as it is, a block
    of its own: code with blank lines was cut into paragraphs and lost its indentation."""
    kept = []

    def set_aside(match) -> str:
        kept.append(match[0])
        return f"\n\n<pre wp-pre-tag-{len(kept) - 1}></pre>\n\n"

    text = PRE.sub(set_aside, text.replace("\r\n", "\n"))
    paragraphs = re.split(r"\n\s*\n", text.strip())
    out = []
    for paragraph in paragraphs:
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if BLOCK_START.match(paragraph):
            out.append(paragraph)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", paragraph) + "</p>")
    return PRE_PLACEHOLDER.sub(lambda m: kept[int(m[1])], "\n".join(out))


def _block_reference(attributes: str) -> int:
    try:
        ref = json.loads(attributes or "{}").get("ref")
    except (ValueError, AttributeError):
        return 0
    return ref if isinstance(ref, int) and ref > 0 else 0


def draw_blocks(content: str, reusable: Callable[[int], str | None], drawn: list) -> str:
    """Put each reusable block's content where it is used (<!-- wp:block {"ref":12} /-->,
    WordPress's "synced patterns", kept as items of type wp_block); every other block
    saved without markup is named in `drawn` and left to BLOCK_COMMENT to drop."""

    def replace(match, seen: frozenset) -> str:
        name = match[1]
        if name != "block":
            drawn.append(name.removeprefix("core/"))
            return ""
        ref = _block_reference(match[2])
        if ref in seen:
            return ""  # a block inside itself: WordPress shows nothing there either
        inner = reusable(ref) if ref else None
        if inner is None:
            drawn.append(f"block #{ref}" if ref else "block")
            return ""
        return DRAWN_BLOCK.sub(lambda m: replace(m, seen | {ref}), inner)

    return DRAWN_BLOCK.sub(lambda m: replace(m, frozenset()), content)


def convert(
    content: str,
    *,
    gallery: Callable[[list[int] | None], list[Image]] = lambda ids: [],
    rewrite_url: Callable[[str], str] = lambda url: url,
    reusable: Callable[[int], str | None] = lambda ref: None,
) -> Converted:
    """Return WordPress post content as plain HTML, with the excerpt split at <!--more-->.

    gallery(ids) gives the images of a [gallery] (ids None: the post's attached images);
    rewrite_url(url) maps an old address (an uploaded file) to its new one; reusable(id)
    gives the content of a published reusable block (None: not in the file).
    """
    # The block editor's markup is HTML already: WordPress runs no wpautop on a post with
    # blocks (has_blocks() in do_blocks()); a blank line inside a block's <div> must not
    # become a paragraph holding its "</div>".
    blocks = "<!-- wp:" in (content or "")
    drawn: list[str] = []
    text = draw_blocks(content or "", reusable, drawn) if blocks else content or ""
    text = BLOCK_COMMENT.sub("", text)
    excerpt, had_more = "", False
    parts = MORE.split(text, maxsplit=1)
    if len(parts) == 2:
        excerpt, had_more = parts[0], True
        text = parts[0] + parts[1]
    pages = len(NEXTPAGE.findall(text)) + 1
    # One page: the page breaks become thematic breaks.
    text = NEXTPAGE.sub("\n\n<hr>\n\n", text)
    text = EMBED.sub(lambda m: "\n\n" + m[1].strip() + "\n\n", text)
    text = CAPTION.sub(_caption, text)
    text = GALLERY.sub(lambda m: _gallery(m, gallery), text)
    text = MEDIA_SHORTCODE.sub(_media_player, text)
    text = VIDEO_URL.sub(_video_link, text)
    text = text.strip() if blocks else autop(text)
    text = URL_ATTRIBUTE.sub(lambda m: m[1] + m[2] + rewrite_url(html.unescape(m[3])) + m[2], text)
    return Converted(
        html=text,
        excerpt=excerpt.strip(),
        had_more=had_more,
        pages=pages,
        drawn=list(dict.fromkeys(drawn)),
    )
