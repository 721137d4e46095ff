"""Slugs in ASCII for titles in any script.

Django's slugify() drops what has no ASCII decomposition, so a title in Chinese, Persian,
Russian or Greek came out empty and the article was named after its model ("post",
"post-2"...). Letters are transliterated instead, by anyascii: "客户体验" -> "kehutiyan",
"تجربه مشتری" -> "tjrbh-mshtry", "Почему" -> "pochemu", "Straße" -> "strasse"; accents go as
before ("Perché" -> "perche"). Emoji and other pictographs are dropped, not spelled out
(anyascii would write ":coffee:").
"""

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(text: str) -> str:
    """The slug of `text`, in ASCII letters, digits, "-" and "_"; "" when nothing is left."""
    letters = "".join(ch for ch in text or "" if unicodedata.category(ch) != "So")
    return slugify(anyascii(letters))
