"""Turn WordPress's own markup into plain HTML our sanitizer (posts.markup) then cleans.

What WordPress adds on top of HTML: block-editor comments (<!-- wp:paragraph -->), the
classic editor's bare line breaks (wpautop), shortcodes ([caption], [gallery], [embed],
[audio], [video]), code written for a highlighting plugin ([code], [sourcecode], [php]...,
<pre lang="php">), <!--more--> (where the excerpt ends) and <!--nextpage--> (page breaks), and
bare video URLs on their own line (oEmbed), and players embedded from other sites (<iframe>,
<object>, a gist's <script>, [youtube=...]), which become links to what they showed.
Everything here only rearranges markup the author wrote or adds fixed markup;
posts.markup.render_html() still decides what a reader gets.

Unknown shortcodes are left as the text they are ("[contact-form-7 id=3]" reads as that),
never turned into markup; Converted names them (wordpress.shortcodes) for the report.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from wordpress.autop import autop
from wordpress.shortcodes import left_as_text

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
# What another site drew in the page: the <iframe> its "embed" button gave to paste (YouTube,
# Vimeo, a map...), the <object>/<embed> of the years before, a gist's <script>, and
# WordPress.com's [youtube=...] and [vimeo ...]. The sanitizer drops iframes, objects and
# scripts with all they hold, so the video or the code went without a trace; a link to what
# was there keeps it one click away (and, as for a bare video URL, asks that site nothing
# before the click).
IFRAME = re.compile(r"<iframe\b([^>]*)>(?:.*?</iframe>)?", re.DOTALL | re.IGNORECASE)
OBJECT = re.compile(r"<object\b([^>]*)>(.*?)</object>", re.DOTALL | re.IGNORECASE)
EMBED_TAG = re.compile(r"<embed\b([^>]*)>(?:\s*</embed>)?", re.IGNORECASE)
MOVIE_PARAM = re.compile(r"<param\b[^>]*\bname\s*=\s*[\"']?movie[^>]*>", re.IGNORECASE)
GIST_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']((?:https?:)?//gist\.github\.com/[^\"'?]+?)\.js"
    r"(?:\?[^\"']*)?[\"'][^>]*>\s*</script>",
    re.IGNORECASE,
)
PLAYER_SHORTCODE = re.compile(r"\[(youtube|vimeo)(?:=|\s+)\s*([^\]\s]+)[^\]]*\]", re.IGNORECASE)
# WordPress.com's (and Jetpack's) other players: [gist 1234] or [gist https://...] (or the
# address between [gist] and [/gist]), [soundcloud url="..."], [googlemaps https://...] and
# VideoPress's [wpvideo GUID]. One the file does not say where to find stays as its text.
SITE_SHORTCODE = re.compile(
    r"\[(gist|soundcloud|googlemaps|wpvideo)\b([^\]]*)\](?:([^\[]*)\[/\1\])?", re.IGNORECASE
)
SITE_SHORTCODE_PAGES = {"gist": "https://gist.github.com/", "wpvideo": "https://videopress.com/v/"}
YOUTUBE_ID = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:[^#]*&)?v=|embed/|v/)|youtu\.be/)([\w-]{11})",
    re.IGNORECASE,
)
VIMEO_ID = re.compile(r"(?:vimeo\.com/(?:video/)?|^)(\d+)(?:[/?#]|$)", re.IGNORECASE)
# The page's only <h1> is the title: the sanitizer drops an <h1> of the body, keeping its
# words with neither a line of their own nor a space ("Title" + "text" read "Titletext").
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
URL_ATTRIBUTE = re.compile(r"""(\s(?:src|href)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE)
# SyntaxHighlighter Evolved, which WordPress.com runs for every blog ("Posting source code"):
# [code], [sourcecode] or [source] with language="..." (or lang=, or [code="php"]), or the
# language as the shortcode's name ([php]...[/php]; not [latex] or [r], which it leaves to
# others). Its content is the code as typed: the plugin turned it into a <pre> before wpautop
# or the browser could read a "<stdio.h>" in it as a tag. [[code]...[/code]] shows the
# shortcode itself, as with every shortcode. A language it does not know is code here too
# (the plugin left that content to the browser, as HTML).
CODE_SHORTCODE_NAMES = (
    "sourcecode", "source", "code", "as3", "actionscript3", "arduino", "bash", "shell",
    "coldfusion", "cf", "clojure", "clj", "cpp", "c", "c-sharp", "csharp", "css", "delphi",
    "pas", "pascal", "diff", "patch", "erl", "erlang", "fsharp", "go", "golang", "groovy",
    "haskell", "java", "jfx", "javafx", "js", "jscript", "javascript", "matlab", "matlabkey",
    "objc", "obj-c", "perl", "pl", "php", "plain", "text", "ps", "powershell", "py", "python",
    "splus", "rails", "rb", "ror", "ruby", "ts", "typescript", "scala", "sql", "swift", "vb",
    "vbnet", "xml", "xhtml", "xslt", "html", "yaml", "yml",
)  # fmt: skip
# The post meta SyntaxHighlighter sets on a post whose code it saved HTML-encoded (its older
# versions wrote it without the underscore).
CODE_ENCODED_META = ("_syntaxhighlighter_encoded", "syntaxhighlighter_encoded")
# WordPress's own shortcode grammar (get_shortcode_regex): the name is followed by neither a
# letter nor "-", attributes hold no "]", names are case-sensitive; the longest name first
# so that "[c-sharp]" is not read as "[c]".
CODE_SHORTCODE = re.compile(
    r"\[(\[?)("
    + "|".join(sorted(map(re.escape, CODE_SHORTCODE_NAMES), key=len, reverse=True))
    + r")(?![\w-])([^\]]*)\](.*?)\[/\2\](\]?)",
    re.DOTALL,
)
# A <pre> a highlighting plugin reads as the code typed, not as HTML: WP-Syntax's (and
# WP-GeSHi-Highlight's) <pre lang="php"> (unless escaped="true") and Crayon's
# <pre class="lang:php"> (unless decode:true).
PLUGIN_PRE = re.compile(r"<pre\b([^>]*)>(.*?)</pre>", re.DOTALL | re.IGNORECASE)
CODE_PLACEHOLDER = re.compile(r"<pre wp-code-([0-9]+)></pre>")


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
    # Shortcodes left as their text (no plugin draws them here), by name.
    shortcodes: list[str] = field(default_factory=list)
    # The [gallery] shortcodes that showed nothing: their images are not in the file.
    empty_galleries: list[str] = field(default_factory=list)


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
        # WordPress.com's own [audio http://.../song.mp3|titles=...]: the file first, unnamed.
        first = (match[2] or "").strip().split("|", 1)[0].split()
        url = first[0] if first and first[0].startswith(("http://", "https://")) else ""
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


def _watch_page(url: str, site: str = "") -> str:
    """The page a player showed: a YouTube video's watch page, a Vimeo video's page,
    anything else as it is ("" when it is no web address)."""
    url = html.unescape(url.strip())
    url = "https:" + url if url.startswith("//") else url
    youtube = YOUTUBE_ID.search(url)
    if youtube:
        return f"https://www.youtube.com/watch?v={youtube[1]}"
    vimeo = VIMEO_ID.search(url) if site == "vimeo" or "vimeo.com/" in url else None
    if vimeo:
        return f"https://vimeo.com/{vimeo[1]}"
    return url if url.startswith(("http://", "https://")) else ""


def _embedded_link(url: str, site: str = "") -> str:
    """A link to what was embedded, a paragraph of its own as the player was."""
    url = _watch_page(url, site)
    if not url:
        return ""
    href = html.escape(url, quote=True)
    return f'\n\n<p><a href="{href}">{html.escape(url)}</a></p>\n\n'


def _object(match) -> str:
    inner = match[2]
    embed = EMBED_TAG.search(inner)
    movie = MOVIE_PARAM.search(inner)
    for attributes, key in ((embed and embed[1], "src"), (movie and movie[0], "value")):
        if attributes and shortcode_attributes(attributes).get(key):
            return _embedded_link(shortcode_attributes(attributes)[key])
    return _embedded_link(shortcode_attributes(match[1]).get("data", ""))


def embedded_players(text: str) -> str:
    """Each player another site drew in the page, as a link to it (see IFRAME)."""
    text = IFRAME.sub(lambda m: _embedded_link(shortcode_attributes(m[1]).get("src", "")), text)
    text = OBJECT.sub(_object, text)
    text = EMBED_TAG.sub(lambda m: _embedded_link(shortcode_attributes(m[1]).get("src", "")), text)
    text = GIST_SCRIPT.sub(lambda m: _embedded_link(m[1]), text)
    text = PLAYER_SHORTCODE.sub(lambda m: _embedded_link(m[2], m[1].lower()), text)
    return SITE_SHORTCODE.sub(_site_shortcode, text)


def _site_shortcode(match) -> str:
    name, attributes = match[1].lower(), shortcode_attributes(match[2])
    words = (w.strip("\"'") for w in match[2].split())
    first = next((w for w in words if w.startswith(("http://", "https://")) or "=" not in w), "")
    target = attributes.get("url") or (match[3] or "").strip() or first
    if name in SITE_SHORTCODE_PAGES and re.fullmatch(r"[\w-]+", target or "-"):
        target = SITE_SHORTCODE_PAGES[name] + target
    return _embedded_link(target) or match[0]


def below_the_title(text: str) -> str:
    """A body that uses <h1> gets every heading one level down, so that its outline starts at
    <h2> in order (as posts.markup does for Markdown); any other body is left as it is."""
    levels = [int(m[2]) for m in HEADING_TAG.finditer(text)]
    if not levels or min(levels) > 1:
        return text
    return HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + 1)}", text)


def _code_html(code: str, title: str = "") -> str:
    block = f"<pre><code>{code}</code></pre>"
    return (
        f"<figure><figcaption>{html.escape(title)}</figcaption>{block}</figure>"
        if title
        else block
    )


def _code_as_html(code: str, encoded: bool) -> str:
    """As SyntaxHighlighter showed code: saved encoded by the editor ("if a &gt; b"), it is
    HTML already, unless it holds a "<" or ">" of its own; any other is the code as typed."""
    code = code.strip("\r\n")
    if encoded and "<" not in code and ">" not in code:
        return code
    return html.escape(code, quote=False)


def _code_shortcode(match, encoded: bool) -> str:
    # encoded: the post's _syntaxhighlighter_encoded.
    title = html.unescape(shortcode_attributes(match[3]).get("title", ""))
    return _code_html(_code_as_html(match[4], encoded), title)


def _plugin_pre(match) -> str | None:
    attributes = shortcode_attributes(match[1])
    classes = attributes.get("class", "")
    as_typed = ("lang" in attributes and attributes.get("escaped", "").lower() != "true") or (
        "lang:" in classes and "decode:true" not in classes
    )
    # Code the visual editor saved is encoded, whatever the plugin's setting: the same rule.
    return _code_html(_code_as_html(match[2], encoded=True)) if as_typed else None


def set_code_aside(text: str, encoded: bool) -> tuple[str, list[str]]:
    """Replace each piece of code written for a highlighting plugin with a placeholder
    autop() keeps as a block of its own; the list holds the HTML of each, for put_code_back().
    encoded: the post's code shortcodes were saved HTML-encoded (_syntaxhighlighter_encoded)."""
    kept: list[str] = []

    def keep(block: str) -> str:
        kept.append(block)
        return f"\n\n<pre wp-code-{len(kept) - 1}></pre>\n\n"

    def shortcode(match) -> str:
        if match[1] == "[" and match[5] == "]":
            return match[0][1:-1]
        return keep(_code_shortcode(match, encoded)) if match[4] else ""

    def pre(match) -> str:
        block = _plugin_pre(match)
        return match[0] if block is None else keep(block)

    if "[/" in text:
        text = CODE_SHORTCODE.sub(shortcode, text)
    return PLUGIN_PRE.sub(pre, text), kept


def put_code_back(text: str, kept: list[str]) -> str:
    return CODE_PLACEHOLDER.sub(lambda m: kept[int(m[1])], text) if kept else text


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
    code_encoded: bool = False,
) -> Converted:
    """Return WordPress post content as plain HTML, with the excerpt split at <!--more-->.

    gallery(ids) gives the images of a [gallery] (ids None: the post's attached images);
    rewrite_url(url) maps an old address (an uploaded file) to its new one; reusable(id)
    gives the content of a published reusable block (None: not in the file); code_encoded:
    the post's [code] shortcodes were saved HTML-encoded (see set_code_aside()).
    """
    # The block editor's markup is HTML already: WordPress runs no wpautop on a post with
    # blocks (has_blocks() in do_blocks()); a blank line inside a block's <div> must not
    # become a paragraph holding its "</div>".
    blocks = "<!-- wp:" in (content or "")
    drawn: list[str] = []
    text = draw_blocks(content or "", reusable, drawn) if blocks else content or ""
    text = BLOCK_COMMENT.sub("", text)
    # First, as the plugins did (before wpautop): nothing below may read inside code.
    text, code = set_code_aside(text, code_encoded)
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
    empty_galleries = []

    def one_gallery(match) -> str:
        images = _gallery(match, gallery)
        if not images:
            empty_galleries.append(match[0])
        return images

    text = GALLERY.sub(one_gallery, text)
    text = MEDIA_SHORTCODE.sub(_media_player, text)
    text = embedded_players(text)
    text = VIDEO_URL.sub(_video_link, text)
    shortcodes = left_as_text(text)  # the code is set aside: none in it is named
    text = below_the_title(text.strip() if blocks else autop(text))
    text = URL_ATTRIBUTE.sub(lambda m: m[1] + m[2] + rewrite_url(html.unescape(m[3])) + m[2], text)
    return Converted(
        html=put_code_back(text, code),
        excerpt=put_code_back(below_the_title(excerpt), code).strip(),
        had_more=had_more,
        pages=pages,
        drawn=list(dict.fromkeys(drawn)),
        shortcodes=shortcodes,
        empty_galleries=empty_galleries,
    )
