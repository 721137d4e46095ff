"""The settings of posts (MEDIA_LIBRARY_*, SIGNUP_*, POSTS_UNLOCK_*), their defaults and types.

`media_settings.MAX_BYTES` reads `settings.MEDIA_LIBRARY_MAX_BYTES`; see blogsite.appsettings.
"""

import re
from dataclasses import dataclass

from blogsite.appsettings import (
    AppSettings,
    Int,
    Rate,
    Setting,
    SettingError,
    TextList,
    _from_text,
)


@dataclass(frozen=True)
class IntList(Setting):
    """A list of positive integers: a Python list, a JSON list, or comma-separated text."""

    def parse(self, value):
        value = _from_text(value)
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        try:
            numbers = tuple(sorted({int(item) for item in value}))
        except (TypeError, ValueError):
            raise SettingError(f"expected a list of whole numbers, got {value!r}") from None
        if not numbers or numbers[0] < 1:
            raise SettingError(f"expected positive whole numbers, got {value!r}")
        return numbers


@dataclass(frozen=True)
class FileTypeList(TextList):
    """Extensions of file types posts.filetypes recognises (images are always taken)."""

    def parse(self, value):
        from posts.filetypes import IMAGE, TYPES

        found = set()
        for item in super().parse(value):
            ext = item.strip().lower().lstrip(".")
            if ext not in TYPES:
                known = ", ".join(sorted(t for t in TYPES if TYPES[t].kind != IMAGE))
                raise SettingError(f"{item!r} is not a file type we recognise ({known})")
            found.add(ext)
        return frozenset(found)


media_settings = AppSettings(
    "MEDIA_LIBRARY_",
    MAX_BYTES=Int(10 * 1024 * 1024, minimum=1),  # size of an uploaded file
    MAX_PIXELS=Int(40_000_000, minimum=1),  # width x height (decompression bombs)
    MAX_SIDE=Int(10_000, minimum=1),  # longest side in pixels
    # Widths of the renditions for srcset; only those narrower than the original are made.
    WIDTHS=IntList((480, 800, 1200, 1600)),
    QUALITY=Int(82, minimum=1, maximum=100),  # JPEG and WebP quality of renditions
    # Files other than images the library takes, by the extension of what their content is
    # (posts.filetypes.TYPES lists those it can recognise). HTML, SVG, scripts and programs
    # are never among them: they would run from our own address.
    FILE_TYPES=FileTypeList(
        (
            "pdf",
            "rtf",
            "doc",
            "docx",
            "xls",
            "xlsx",
            "ppt",
            "pptx",
            "odt",
            "ods",
            "odp",
            "epub",
            "mp3",
            "m4a",
            "ogg",
            "wav",
            "flac",
            "mp4",
            "mov",
            "webm",
            "zip",
        )
    ),  # fmt: skip
)


_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@dataclass(frozen=True)
class DomainList(TextList):
    """Domain names (a list, a JSON list or comma-separated text), lower-cased, as a set."""

    def parse(self, value):
        domains = set()
        for item in super().parse(value):
            domain = item.strip().lower().lstrip("@").strip(".")
            if not _DOMAIN_RE.match(domain):
                raise SettingError(f"{item!r} is not a domain name")
            domains.add(domain)
        return frozenset(domains)


# Throwaway-address services that sign-up spam uses: an address there is read by anyone,
# or for ten minutes, so an account behind it has no reader to answer for it. A longer
# list (e.g. the CC0 disposable-email-domains project's) can be set in settings.py.
DISPOSABLE_EMAIL_DOMAINS = (
    "10minutemail.com", "10minutemail.net", "1secmail.com", "1secmail.net", "1secmail.org",
    "burnermail.io", "crazymailing.com", "discard.email", "dispostable.com",
    "emailfake.com", "emailondeck.com", "fakeinbox.com", "fakemail.net", "getairmail.com",
    "getnada.com", "grr.la", "guerrillamail.biz", "guerrillamail.com", "guerrillamail.de",
    "guerrillamail.net", "guerrillamail.org", "guerrillamailblock.com", "inboxkitten.com",
    "jetable.org", "mail-temporaire.fr", "mailcatch.com", "maildrop.cc",
    "mailforspam.com", "mailinator.com", "mailinator.net", "mailnesia.com",
    "mailpoof.com", "mintemail.com", "moakt.com", "mohmal.com", "mytemp.email",
    "pokemail.net", "sharklasers.com", "spam4.me", "spamgourmet.com", "temp-mail.io",
    "temp-mail.org", "tempail.com", "tempinbox.com", "tempmailo.com", "tempr.email",
    "throwawaymail.com", "tmpmail.net", "tmpmail.org", "trash-mail.com", "trashmail.com",
    "trashmail.de", "trashmail.net", "yopmail.com", "yopmail.fr", "yopmail.net",
)  # fmt: skip

signup_settings = AppSettings(
    "SIGNUP_",
    # Addresses at these domains (and their subdomains) cannot sign up or be added to an
    # account; empty to allow every domain.
    BLOCKED_EMAIL_DOMAINS=DomainList(DISPOSABLE_EMAIL_DOMAINS),
)

protection_settings = AppSettings(
    "POSTS_UNLOCK_",
    # Wrong passwords one address may type for protected articles and pages (posts.protection)
    # before it is answered 429 until the window ends; empty for no limit.
    RATE=Rate("20/h"),
)
