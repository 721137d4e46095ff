"""The pieces of a WXR file: ids, dates, escaping, elements and post meta, written as
WordPress's wxr_cdata() and export.php write them."""

import re
from collections.abc import Iterable, Iterator
from datetime import UTC
from email.utils import format_datetime
from itertools import islice
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

WXR_VERSION = "1.2"
ID_OFFSET = 1_000_000_000
# Offsets per id space (a row's pk + offset when it has no wordpress_id).
POST_IDS, PAGE_IDS, MEDIA_IDS = 1 * ID_OFFSET, 2 * ID_OFFSET, 3 * ID_OFFSET
TAG_IDS, CATEGORY_IDS = 1 * ID_OFFSET, 2 * ID_OFFSET
COMMENT_IDS = USER_IDS = ID_OFFSET
CHUNK = 100
NO_DATE = "0000-00-00 00:00:00"  # what WordPress writes for a draft's GMT date

# Post meta keys of our own (leading underscore: hidden in WordPress's custom fields box).
LANGUAGE_META = "_blogsite_language"
TRANSLATION_META = "_blogsite_translation_key"

# Characters XML 1.0 does not allow anywhere, not even inside CDATA.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(value) -> str:
    return _INVALID_XML.sub("", "" if value is None else str(value))


def cdata(value) -> str:
    """Wrap text in CDATA, splitting any "]]>" inside it as wxr_cdata() does."""
    return "<![CDATA[" + clean(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text(value) -> str:
    return escape(clean(value))


def wp_id(row, offset: int) -> int:
    return row.wordpress_id or offset + row.pk


def profile_of(user):
    try:
        return user.profile
    except ObjectDoesNotExist:
        return None


def user_wp_id(user) -> int:
    """The author id of an account in the file (0: no account, as WordPress writes)."""
    if user is None:
        return 0
    profile = profile_of(user)
    return (profile.wordpress_id if profile else None) or USER_IDS + user.pk


def user_login(user) -> str:
    """The author's login in the file: their WordPress login when they came from WordPress
    (it may hold characters our usernames do not), so a re-import finds them again."""
    profile = profile_of(user)
    return (profile.wordpress_login if profile else "") or user.get_username()


def user_display_name(user) -> str:
    # Unlike posts.models.display_name, the login is a fine last resort: WordPress's own
    # display name defaults to it, and the file is for the site's owner.
    profile = profile_of(user)
    return (profile.display_name if profile else "") or user.get_full_name() or user.get_username()


def local_date(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else NO_DATE


def gmt_date(value) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if value else NO_DATE


def rss_date(value) -> str:
    return format_datetime((value or timezone.now()).astimezone(UTC))


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def element(name: str, value: str) -> str:
    """<name>value</name> on its own line; value is already escaped or CDATA."""
    return f"\t\t<{name}>{value}</{name}>\n"


def postmeta(key: str, value) -> str:
    return (
        "\t\t<wp:postmeta>\n"
        f"\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n"
        "\t\t</wp:postmeta>\n"
    )


def chunks(rows: Iterable, size: int = CHUNK) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch
