"""Where each app declares the personal data it holds (see blogsite.personal_data)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Person:
    """Whom a request is about: e-mail addresses (normalized) and the accounts that own them.

    An account is included only when the address is one of its verified ones, and then its
    other verified addresses are the person's too (whoever reads the mailbox controls the
    account through a password reset).
    """

    emails: tuple[str, ...]
    accounts: tuple = ()

    @property
    def account_ids(self) -> list[int]:
        return [account.pk for account in self.accounts]


class ErasureRefused(Exception):
    """An erasure that must not go ahead; the message says why, for the person asking."""


@dataclass(frozen=True)
class DataSource:
    """What one app holds about people, and how to hand it over or erase it.

    export(person) returns JSON-ready data (None or empty when there is nothing);
    erase(person) erases it and returns what it did as {what: count}; check(person) returns
    a reason the erasure must not go ahead (or ""), asked of every source before any erases;
    purge(now=, ip_cutoff=) forgets network addresses recorded before ip_cutoff (and
    whatever else the app keeps only for a while) and returns {what: count}. Erasers run in
    `order` (the account last: removing it would unlink what the others look for).
    privacy_template, rendered on the privacy page with privacy_context(), tells readers
    what the app keeps and for how long.
    """

    name: str
    label: str  # what readers and editors are told it is ("Comments"), translatable
    export: Callable[[Person], Any]
    erase: Callable[[Person], dict[str, int]] | None = None
    check: Callable[[Person], str] | None = None
    purge: Callable[..., dict[str, int]] | None = None
    order: int = 50
    privacy_template: str = ""
    privacy_context: Callable[[], dict] = field(default=dict)


_sources: dict[str, DataSource] = {}


def register(source: DataSource) -> None:
    """Declare an app's personal data (from its AppConfig.ready(); again replaces it)."""
    _sources[source.name] = source


def label_of(name: str) -> str:
    source = _sources.get(name)
    return str(source.label) if source is not None else name


def sources() -> list[DataSource]:
    """The registered sources, in the order their erasers run."""
    return sorted(_sources.values(), key=lambda source: (source.order, source.name))


def purge_all(*, now: datetime, ip_cutoff: datetime) -> dict[str, dict[str, int]]:
    """Run every source's purge; return what each did."""
    return {
        source.name: source.purge(now=now, ip_cutoff=ip_cutoff)
        for source in sources()
        if source.purge is not None
    }
