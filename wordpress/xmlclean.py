"""Make a WordPress export readable before the XML parser sees it, as a stream.

Real exports are often not well-formed: a byte-order mark or blank lines before the XML
declaration (a plugin printed them), bytes that are not in the declared encoding, control
characters pasted from word processors, a `]]>` inside a CDATA section that old WordPress
versions did not split, an unterminated CDATA section, a bare `&` or an HTML entity
(`&nbsp;`) in a title. Each of these is repaired here, in the text, with a warning that
names its line (newlines are never added or removed, so lines stay those of the file).
What is left is for the parser's recovery: iterparse() below, libxml2 through lxml, the
only XML reader that recovers from broken XML and says at which line it did.

A document type that declares entities is refused: WordPress never writes one, and entity
expansion (a "billion laughs") or external entities (a file of the server's) are the
usual attacks on XML readers.
"""

import codecs
import functools
import html.entities
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from lxml import etree

CHUNK = 1 << 16
# Kept back at the end of a chunk so that a token cut in two is seen whole next time.
LOOKAHEAD = 256
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DECLARATION = re.compile(rb"^<\?xml[^>]*?\?>")
ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.I)
# Before the root: comments, processing instructions and the doctype are skipped (a tag
# written inside a comment is not the root); the first start tag is.
PROLOG_TOKEN = re.compile(r"<!--.*?-->|<\?.*?\?>|<![^>]*>|<[A-Za-z_]", re.S)
# RSS's own elements; every other element of an export has a prefix (wp:, dc:, atom:...).
RSS_ELEMENTS = (
    "rss|channel|title|link|description|pubDate|language|generator|image|url|width|height"
    "|item|guid|category|comments|author|enclosure|source|lastBuildDate|copyright|docs|ttl"
    "|cloud|rating|textInput|skipHours|skipDays|managingEditor|webMaster|name"
)
# Outside CDATA: a comment's or a CDATA section's opening, an ampersand, a "<" that starts
# no tag, or a tag with no prefix that RSS does not have: HTML that an old plugin wrote
# unescaped in a text field (`<title>A <b>bold</b></title>`). Literal first characters keep
# the scan in C.
OUTSIDE = re.compile(
    r"<!--|<!\[CDATA\[|&|<(?![A-Za-z_/!?])"
    rf"|</?(?!(?:{RSS_ELEMENTS})[\s>/])[A-Za-z_][\w.-]*(?=[\s>/])"
)
OPENING_TAG = re.compile(r"<([A-Za-z_][\w:.-]*)(?:\s[^<>]*)?>\s*$")
REFERENCE = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
KNOWN_PREFIXES = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "wp": "http://wordpress.org/export/1.2/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "atom": "http://www.w3.org/2005/Atom",
}
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


class HostileXML(Exception):
    """The file declares entities: refused, whatever else it holds."""


class CleanStream:
    """A binary file-like object giving the repaired export as UTF-8, `read()` by `read()`.

    `warn(line, message, **values)` is called for every repair (the message is marked for
    translation; the caller translates it and puts the values in).
    """

    def __init__(self, raw, warn):
        self._raw = raw
        self._warn = warn
        self._decoder = None
        self._text = ""  # decoded, not yet repaired (a carry of LOOKAHEAD chars)
        self._line = 1  # the line of the first character of self._text
        self._cdata_tag = None  # in a CDATA section opened after <tag> ("": no tag seen)
        self._in_comment = False
        self._before_root = True
        self._root_at = -1
        self._started = False
        self._done = False
        self._out = b""

    def read(self, size=-1):
        """What the parser asks for; b"" at the end."""
        while not self._done and (size < 0 or len(self._out) < size):
            self._fill()
        if size < 0:
            size = len(self._out)
        data, self._out = self._out[:size], self._out[size:]
        return data

    def _fill(self):
        chunk = self._raw.read(CHUNK)
        if not self._started:
            chunk = self._start(chunk)
        final = not chunk
        text = self._text + self._decode(chunk, final)
        if self._before_root:
            text = self._prolog(text)
        repaired, self._text = self._repair(text, final)
        self._out += repaired.encode("utf-8")
        self._done = final

    def _start(self, chunk: bytes) -> bytes:
        """Skip a byte-order mark and blank lines before the declaration; pick the codec."""
        self._started = True
        while len(chunk) < 1024:
            more = self._raw.read(CHUNK)
            if not more:
                break
            chunk += more
        encoding = "utf-8"
        if chunk.startswith(codecs.BOM_UTF8):
            chunk = chunk[len(codecs.BOM_UTF8) :]
        elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        stripped = chunk.lstrip() if encoding == "utf-8" else chunk
        skipped_lines = chunk[: len(chunk) - len(stripped)].count(b"\n")
        if len(stripped) != len(chunk):
            self._warn(1, N_("blank space before the XML declaration was ignored"))
        declaration = DECLARATION.match(stripped)
        if declaration:
            declared = ENCODING.search(declaration[0])
            if declared and encoding == "utf-8":
                encoding = _codec(declared[1].decode("ascii"), self._warn)
            stripped = stripped[declaration.end() :]
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        self._encoding = encoding
        # Our own declaration (the text goes on as UTF-8), then the newlines that stood
        # before the old one, so that every line keeps its number.
        self._out += b'<?xml version="1.0" encoding="UTF-8"?>' + b"\n" * skipped_lines
        self._line = 1 + skipped_lines
        return stripped

    def _decode(self, chunk: bytes, final: bool) -> str:
        state = self._decoder.getstate()
        try:
            return self._decoder.decode(chunk, final=final)
        except UnicodeDecodeError as error:
            line = self._line + self._text.count("\n") + chunk.count(b"\n", 0, error.start)
            self._warn(line, N_("bytes not in the file's encoding were replaced by “\ufffd”"))
        self._decoder = codecs.getincrementaldecoder(self._encoding)(errors="replace")
        self._decoder.setstate(state)
        return self._decoder.decode(chunk, final=final)

    def _prolog(self, text: str) -> str:
        """Refuse entity declarations; declare on the root the prefixes WordPress uses
        that the file forgot to declare (seen: `atom:`), so that they read as usual."""
        root = next((t for t in PROLOG_TOKEN.finditer(text) if t[0][1] not in "!?"), None)
        prolog = text[: root.start()] if root else text
        declared = ENTITY_DECLARATION.search(prolog)
        if declared:
            raise HostileXML(self._line_of(text, declared.start()))
        if root is None:
            return text
        self._before_root = False
        self._root_at = root.start()  # the root is a tag whatever its name
        end = text.find(">", root.start())
        if end == -1:
            return text
        start_tag = text[root.start() : end]
        missing = [p for p in KNOWN_PREFIXES if f"xmlns:{p}=" not in start_tag]
        for prefix in missing:
            if f"<{prefix}:" in text:
                self._warn(
                    self._line_of(text, text.find(f"<{prefix}:")),
                    N_("the namespace prefix “%(name)s” is not declared: read as usual"),
                    name=prefix,
                )
        declarations = "".join(f' xmlns:{p}="{KNOWN_PREFIXES[p]}"' for p in missing)
        at = end - 1 if text[end - 1] == "/" else end
        return text[:at] + declarations + text[at:]

    def _repair(self, text: str, final: bool) -> tuple[str, str]:
        """Repair up to LOOKAHEAD chars from the end (all of it at the end of the file), so
        that what follows any token looked at is there to be seen."""
        limit = len(text) if final else max(len(text) - LOOKAHEAD, 0)
        out, position = [], 0
        while position < limit:
            if self._in_comment:
                position = self._comment(text, position, limit, out)
            elif self._cdata_tag is None:
                position = self._outside(text, position, limit, out)
            else:
                position = self._inside(text, position, limit, out)
        done = "".join(out)
        self._root_at = -1  # positions are this text's only
        control = CONTROL.search(done)
        if control:
            self._warn(self._line_of(done, control.start()), N_("control characters were removed"))
            done = CONTROL.sub("", done)
        self._line += text.count("\n", 0, position)
        return done, text[position:]

    def _outside(self, text, position, limit, out) -> int:
        match = OUTSIDE.search(text, position)
        if match is None or match.start() >= limit:
            out.append(text[position:limit])
            return limit
        at = match.start()
        out.append(text[position:at])
        token = match[0]
        if token == "&":
            reference = REFERENCE.match(text, at)
            out.append(self._ampersand(text, at, reference))
            return reference.end() if reference else at + 1
        if token == "<!--":
            # A comment is the parser's to drop, whatever it holds: WordPress's own header
            # says "Activate & Run Importer", which is no bare "&" to repair.
            self._in_comment = True
            out.append(token)
            return match.end()
        if token == "<":
            self._warn(self._line_of(text, at), N_("a bare “<” was read as text"))
            out.append("&lt;")
            return match.end()
        if token.startswith("<!["):
            # The element it opens in (`<content:encoded><![CDATA[`): its end is the
            # `]]>` before that element's closing tag.
            opening = OPENING_TAG.search(text, max(at - LOOKAHEAD, 0), at)
            self._cdata_tag = opening[1] if opening else ""
            out.append(token)
            return match.end()
        end = text.find(">", at, at + LOOKAHEAD)
        end = end + 1 if end != -1 else match.end()
        if at == self._root_at:
            self._root_at = -1
            out.append(text[at:end])
            return end
        self._warn(self._line_of(text, at), N_("markup inside a text field was read as text"))
        out.append(text[at:end].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        return end

    def _ampersand(self, text, at, reference) -> str:
        if reference is None:
            self._warn(self._line_of(text, at), N_("a bare “&” was read as text"))
            return "&amp;"
        name = reference[1]
        if name.startswith("#") or name in XML_ENTITIES:
            return reference[0]
        codepoint = html.entities.name2codepoint.get(name)
        if codepoint is None:
            self._warn(
                self._line_of(text, at),
                N_("the unknown entity “&%(name)s;” was kept as text"),
                name=name,
            )
            return "&amp;" + name + ";"
        return f"&#{codepoint};"

    def _comment(self, text, position, limit, out) -> int:
        """In a comment: copied as it is up to its `-->`."""
        end = text.find("-->", position)
        if end == -1 or end >= limit:
            out.append(text[position:limit])
            return limit
        out.append(text[position : end + 3])
        self._in_comment = False
        return end + 3

    def _inside(self, text, position, limit, out) -> int:
        """In a CDATA section opened after <tag>: its end is the `]]>` before </tag>; a
        `]]>` elsewhere in it is text (split as WordPress does now); a </tag> reached
        before any `]]>` closes a section that was never closed."""
        tag = self._cdata_tag
        end = text.find("]]>", position)
        closing = text.find(f"</{tag}>", position) if tag else -1
        first = min(i for i in (end, closing, len(text)) if i != -1)
        if first >= limit:
            out.append(text[position:limit])
            return limit
        if first == closing:
            self._warn(
                self._line_of(text, closing), N_("an unterminated CDATA section was closed")
            )
            out.append(text[position:closing] + "]]>")
            self._cdata_tag = None
            return closing
        if not tag or _closing_tag(tag).match(text, end + 3):
            out.append(text[position : end + 3])
            self._cdata_tag = None
            return end + 3
        self._warn(self._line_of(text, end), N_("a “]]>” inside a CDATA section was kept as text"))
        out.append(text[position:end] + "]]]]><![CDATA[>")
        return end + 3

    def _line_of(self, text, at) -> int:
        return self._line + text.count("\n", 0, at)


@functools.cache
def _closing_tag(tag: str) -> re.Pattern:
    return re.compile(rf"\s*</{re.escape(tag)}>")


def _codec(name: str, warn) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        warn(1, N_("the unknown encoding “%(name)s” was read as UTF-8"), name=name)
        return "utf-8"


PARSER_LOG_SIZE = 100  # lxml keeps this many of the parser's messages


def iterparse(raw, warn):
    """lxml's iterparse over the repaired file: recovering from what is still broken, and
    never loading a DTD, expanding an entity or touching the network. warn(line, message)
    hears of each repair, translated."""
    stream = CleanStream(
        raw,
        lambda line, message, **values: warn(line, _(message) % values if values else _(message)),
    )
    return etree.iterparse(
        stream,
        events=("start-ns", "start", "end"),
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,  # a post body may be larger than libxml2's 10 MB default
        remove_comments=True,
        remove_pis=True,
    )


def nothing_read(line, reason) -> str:
    return _(
        "Nothing could be read: no WordPress export (an RSS file with a channel) was found "
        "(line %(line)d%(reason)s)."
    ) % {"line": line or 1, "reason": f": {reason.strip()}" if reason else ""}


def report_errors(log, reported: int, warn) -> int:
    """Tell what the parser recovered from (its messages are libxml2's, in English).

    lxml keeps the first hundred: past them, the report says that there were more.
    """
    entries = list(log)
    for entry in entries[reported:]:
        warn(entry.line, entry.message.strip())
    if len(entries) >= PARSER_LOG_SIZE > reported:
        warn(entries[-1].line, _("the parser recovered from more problems after this line"))
    return len(entries)
