"""The WordPress app's settings (WORDPRESS_*), with their defaults and types, and the
private storage its uploads go to."""

from django.core.files.storage import storages

from blogsite.appsettings import AppSettings, Int

wordpress_settings = AppSettings(
    "WORDPRESS_",
    # Days an uploaded export (and its media zip) is kept after its import, for a rerun;
    # 0: deleted as soon as the import ends.
    KEEP_UPLOADS_DAYS=Int(7, minimum=0),
    # A running import whose worker gave no sign of life for this long is marked failed.
    STALE_AFTER_SECONDS=Int(600, minimum=30),
)


def private_storage():
    """Where admin uploads go: STORAGES["private"], never served (they hold e-mail
    addresses, IP addresses and drafts)."""
    return storages["private"]
