"""The media library's settings (MEDIA_LIBRARY_*), with their defaults and types.

`media_settings.MAX_BYTES` reads `settings.MEDIA_LIBRARY_MAX_BYTES`; see blogsite.appsettings.
"""

from dataclasses import dataclass

from blogsite.appsettings import AppSettings, Int, Setting, SettingError, _from_text


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


media_settings = AppSettings(
    "MEDIA_LIBRARY_",
    MAX_BYTES=Int(10 * 1024 * 1024, minimum=1),  # size of an uploaded file
    MAX_PIXELS=Int(40_000_000, minimum=1),  # width x height (decompression bombs)
    MAX_SIDE=Int(10_000, minimum=1),  # longest side in pixels
    # Widths of the renditions for srcset; only those narrower than the original are made.
    WIDTHS=IntList((480, 800, 1200, 1600)),
    QUALITY=Int(82, minimum=1, maximum=100),  # JPEG and WebP quality of renditions
)
