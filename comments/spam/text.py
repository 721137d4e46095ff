"""Text helpers shared by the checks and the classifier: one normalisation for both."""

import html
import re
import unicodedata
from urllib.parse import urlsplit

_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']*)["'][^>]*>""", re.I)
_TAG = re.compile(r"<[^>]+>")
# Full URLs, www. hosts, and bare host names with a common top-level domain ("site.com/x"),
# which spammers write to slip past link counters.
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:com|net|org|info|biz|ly|be|me|it|eu|co|tv|us|uk|de|fr|es|ru|io|gl|tk|in|pl|ro|xyz)"
    r"\b(?:/[^\s<>\"']*)?",
    re.I,
)
# Addresses written so that no link counter sees them: "site(dot)com", "site[punto]it",
# "siteDOTcom", "site. com". A reader citing a source writes the address itself.
_TLDS = r"(?:com|net|org|info|biz|ly|be|me|it|eu|co|tv|us|uk|de|fr|es|ru|io|tk|in|pl|ro|xyz)"
HIDDEN_URL_RE = re.compile(
    r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"(?:\s*[(\[{]\s*(?:dot|punto)\s*[)\]}]\s*|\s*(?-i:DOT)\s*)" + _TLDS + r"\b(?:/[^\s<>\"']*)?"
    # "com" after a full stop and a space, but not Italian "Com'è".
    r"|\b[a-z0-9][a-z0-9-]{2,}(?:\s+\.\s*|\s*\.\s+)com\b(?!\s*['’])(?:\s*/[^\s<>\"']*)?",
    re.I,
)
_HIDDEN_DOT = re.compile(r"\s*[(\[{]\s*(?:dot|punto)\s*[)\]}]\s*|\s*(?-i:DOT)\s*|\s*\.\s*", re.I)
WORD_RE = re.compile(r"[^\W_]+")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


def normalize(text: str) -> str:
    """Return plain text: HTML entities and tags resolved, invisible characters removed.

    Hrefs of anchors are kept as text, so a link hidden behind other words still counts.
    """
    text = html.unescape(html.unescape(text or ""))
    text = _HREF.sub(lambda m: " " + m.group(1) + " ", text)
    text = _TAG.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return text.strip()


def find_urls(text: str) -> list[str]:
    """Return the links in normalised text, hidden ones (find_hidden_urls) included."""
    return URL_RE.findall(text) + find_hidden_urls(text)


def find_hidden_urls(text: str) -> list[str]:
    """Return the addresses written so that they do not read as links ("site(dot)com")."""
    return HIDDEN_URL_RE.findall(URL_RE.sub(" ", text))


def url_host(url: str) -> str:
    """Return the lower-case host of a link written with or without its scheme (or hidden)."""
    if "://" not in url:
        head, slash, path = url.partition("/")
        url = _HIDDEN_DOT.sub(".", head).strip() + slash + path
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def body_hash_key(text: str) -> str:
    """Return a key under which two copies of the same comment compare equal."""
    return " ".join(WORD_RE.findall(normalize(text).lower()))
