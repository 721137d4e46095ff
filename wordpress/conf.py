"""The WordPress app's settings (WORDPRESS_*), with their defaults and types, and the
private storage its uploads go to."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

from blogsite.appsettings import AppSettings, Int

wordpress_settings = AppSettings(
    "WORDPRESS_",
    # Days an uploaded export (and its media zip) is kept after its import, for a rerun;
    # 0: deleted as soon as the import ends.
    KEEP_UPLOADS_DAYS=Int(7, minimum=0),
    # A running import whose worker gave no sign of life for this long is marked failed.
    STALE_AFTER_SECONDS=Int(600, minimum=30),
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
