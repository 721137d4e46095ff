"""How many e-mails a stranger can make us send: per address, and per client address.

A password reset or a confirmation link is sent to an address the asker need not own, so
without a cap anyone can fill a mailbox from our server. Each such e-mail is counted once
against ACCOUNTS_MAILS_PER_ADDRESS (the recipient) and ACCOUNTS_MAILS_PER_IP (the asker);
over either, nothing is sent and the refusal says when to try again.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.timesince import timeuntil
from django.utils.translation import gettext

from blogsite import ratelimit
from blogsite.accounts.conf import account_settings


@dataclass(frozen=True)
class MailRefusal:
    """No e-mail now; another may be asked for from `retry_at` (epoch seconds)."""

    retry_at: float

    @property
    def message(self) -> str:
        wait = timeuntil(datetime.fromtimestamp(self.retry_at, UTC))
        return gettext(
            "We have already sent several e-mails to this address, or for your connection, "
            "in a short time. To protect everyone's inbox the next one can be asked for in "
            "%(wait)s."
        ) % {"wait": wait}


def _limits(email: str, ip: str | None):
    """(scope, key, rate) of each limit an e-mail to `email` for `ip` counts against (for
    no `ip`, the address's alone)."""
    limits = [("mail-to", ratelimit.address_key(email), account_settings.MAILS_PER_ADDRESS)]
    if ip is not None:
        limits.append(("mail-from", ip, account_settings.MAILS_PER_IP))
    return limits


def _refusal(attempts) -> MailRefusal | None:
    refused = [attempt for attempt in attempts if not attempt.allowed]
    return MailRefusal(max(attempt.window_ends_at for attempt in refused)) if refused else None


def count_mail(*, email: str, ip: str | None) -> MailRefusal | None:
    """Count one e-mail to `email` asked for from `ip`; a refusal when it is one too many."""
    return _refusal([ratelimit.take(scope=s, key=k, rate=r) for s, k, r in _limits(email, ip)])


def next_mail_refusal(*, email: str, ip: str | None) -> MailRefusal | None:
    """The refusal count_mail() would give now, counting nothing (for a form's message)."""
    return _refusal([ratelimit.peek(scope=s, key=k, rate=r) for s, k, r in _limits(email, ip)])
