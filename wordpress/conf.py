"""The WordPress app's settings (WORDPRESS_*), with their defaults and types, and the
private storage its uploads go to."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

from blogsite.appsettings import AppSettings, Int, Text, TextList

wordpress_settings = AppSettings(
    "WORDPRESS_",
    # Days an uploaded export (and its media zip) is kept after its import, for a rerun;
    # 0: deleted as soon as the import ends.
    KEEP_UPLOADS_DAYS=Int(7, minimum=0),
    # A running import whose worker gave no sign of life for this long is marked failed.
    STALE_AFTER_SECONDS=Int(600, minimum=30),
    # An uploaded media zip is refused whole past these (zip bombs, a full disk): files in
    # it, bytes unpacked, and how much tighter than its packed size one file may unpack
    # (photos hardly compress; a bomb does by thousands).
    ZIP_MAX_FILES=Int(50_000, minimum=1),
    ZIP_MAX_BYTES=Int(4 * 1024 * 1024 * 1024, minimum=1),
    ZIP_MAX_RATIO=Int(100, minimum=1),
    # import_wordpress --fetch-media: each file's connect and read timeout, and the time
    # one file may take in all.
    FETCH_TIMEOUT_SECONDS=Int(10, minimum=1),
    FETCH_MAX_SECONDS=Int(120, minimum=1),
    FETCH_WORKERS=Int(4, minimum=1, maximum=32),  # files downloaded at once
    # Where fetched files are kept (so a rerun fetches only what is missing); empty:
    # PRIVATE_ROOT/wordpress-media/.
    FETCH_DIR=Text(""),
    # Hosts the fetch may reach although they resolve to a loopback or private address
    # (an old site on the local network; the tests' own server). Empty: none.
    FETCH_ALLOWED_HOSTS=TextList(()),
)


class PrivateStorage(LazyObject):
    """STORAGES["private"], looked up when first used (and again when a test changes
    STORAGES)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = PrivateStorage()


@receiver(setting_changed)
def _storages_changed(setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage():
    """Where admin uploads go: STORAGES["private"], never served (they hold e-mail
    addresses, IP addresses and drafts)."""
    return _private
