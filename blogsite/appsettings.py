"""Typed settings of the apps: one declaration per setting, validated at start-up.

Each app declares its settings once, with a default and a type:

    comment_settings = AppSettings(
        "COMMENTS_",
        MAX_DEPTH=Int(3, minimum=1, help="Levels of threading."),
    )

and reads them as attributes (`comment_settings.MAX_DEPTH`), which look up
`settings.COMMENTS_MAX_DEPTH` (set in settings.py or the environment) and fall back on the
default. Values from the environment arrive as strings or JSON (see settings.py); each type
converts them, so `"20"` and `20` are the same setting. A bad value is reported by
`manage.py check` (and so by `migrate` and `runserver`) with the setting's name, instead of
failing a reader's request. Parsed values are cached until `override_settings` or any other
`setting_changed` signal touches them.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed

REGISTRY: list["AppSettings"] = []


class SettingError(ValueError):
    """A setting's value cannot be used; the message says why, in terms of the value."""


@dataclass(frozen=True)
class Setting:
    default: Any
    help: str = ""
    name: str = ""  # the full settings name, when it does not carry the app's prefix

    def parse(self, value):
        return value

    def describe(self) -> str:
        return type(self).__name__.lower()


def _from_text(value):
    """Decode a JSON value that reached us as text (an environment variable)."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


@dataclass(frozen=True)
class Bool(Setting):
    TRUE = frozenset({"1", "true", "yes", "on"})
    FALSE = frozenset({"0", "false", "no", "off", ""})

    def parse(self, value):
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in self.TRUE | self.FALSE:
            return value.strip().lower() in self.TRUE
        raise SettingError(f"expected true or false, got {value!r}")


@dataclass(frozen=True)
class Int(Setting):
    minimum: int | None = None
    maximum: int | None = None
    optional: bool = False  # None allowed (e.g. "no limit")

    def parse(self, value):
        value = _from_text(value)
        if value is None or value == "":
            if self.optional:
                return None
            raise SettingError("a whole number is required")
        if isinstance(value, bool) or not isinstance(value, int | str | float):
            raise SettingError(f"expected a whole number, got {value!r}")
        try:
            number = int(value)
        except ValueError:
            raise SettingError(f"expected a whole number, got {value!r}") from None
        if isinstance(value, float) and number != value:
            raise SettingError(f"expected a whole number, got {value!r}")
        if self.minimum is not None and number < self.minimum:
            raise SettingError(f"must be at least {self.minimum}, got {number}")
        if self.maximum is not None and number > self.maximum:
            raise SettingError(f"must be at most {self.maximum}, got {number}")
        return number


@dataclass(frozen=True)
class Float(Setting):
    minimum: float | None = None
    maximum: float | None = None

    def parse(self, value):
        value = _from_text(value)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise SettingError(f"expected a number, got {value!r}")
        try:
            number = float(value)
        except ValueError:
            raise SettingError(f"expected a number, got {value!r}") from None
        if self.minimum is not None and number < self.minimum:
            raise SettingError(f"must be at least {self.minimum}, got {number}")
        if self.maximum is not None and number > self.maximum:
            raise SettingError(f"must be at most {self.maximum}, got {number}")
        return number


@dataclass(frozen=True)
class Choice(Setting):
    choices: tuple[str, ...] = ()

    def parse(self, value):
        if value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise SettingError(f"must be one of {allowed}, got {value!r}")
        return value


@dataclass(frozen=True)
class Text(Setting):
    def parse(self, value):
        if not isinstance(value, str):
            raise SettingError(f"expected text, got {value!r}")
        return value


@dataclass(frozen=True)
class TextList(Setting):
    """A list of strings: a Python list, a JSON list, or comma-separated text."""

    def parse(self, value):
        value = _from_text(value)
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise SettingError(f"expected a list of strings, got {value!r}")
        return tuple(value)


RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*\s*$")
RATE_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate(Setting):
    """A rate such as "5/m" (five a minute), "20/10m" or "100/d"; parsed to (count, seconds).

    Empty (or None) means no limit, parsed to None.
    """

    def parse(self, value):
        if value in (None, ""):
            return None
        match = RATE_RE.match(value) if isinstance(value, str) else None
        if not match:
            raise SettingError(f'expected a rate such as "5/m" or "100/h", got {value!r}')
        count, multiplier, unit = match.groups()
        return int(count), int(multiplier or 1) * RATE_PERIODS[unit]


@dataclass
class AppSettings:
    """The settings of one app, read as attributes by their short name."""

    prefix: str
    declared: dict[str, Setting] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __init__(self, prefix: str, **declared: Setting):
        self.prefix = prefix
        self.declared = declared
        self._cache = {}
        REGISTRY.append(self)

    def full_name(self, short: str) -> str:
        return self.declared[short].name or f"{self.prefix}{short}"

    def __getattr__(self, short: str):
        if short.startswith("_") or short not in self.declared:
            raise AttributeError(f"Unknown setting {self.prefix}{short}")
        try:
            return self._cache[short]
        except KeyError:
            pass
        value = self.read(short)
        self._cache[short] = value
        return value

    def read(self, short: str):
        """The parsed value of a setting; raise SettingError when it is unusable."""
        declared = self.declared[short]
        raw = getattr(settings, self.full_name(short), declared.default)
        return declared.parse(raw)

    def errors(self) -> list[tuple[str, str]]:
        """(full name, problem) for every setting whose value cannot be used."""
        problems = []
        for short in self.declared:
            try:
                self.read(short)
            except SettingError as error:
                problems.append((self.full_name(short), str(error)))
        return problems

    def clear(self, setting_name: str | None = None) -> None:
        if setting_name is None:
            self._cache.clear()
            return
        for short in self.declared:
            if self.full_name(short) == setting_name:
                self._cache.pop(short, None)


def _on_setting_changed(*, setting, **kwargs):
    for app_settings in REGISTRY:
        app_settings.clear(setting)


setting_changed.connect(_on_setting_changed, dispatch_uid="blogsite.appsettings")
