"""Signed links in subscription e-mails: they carry a subscription's id, never its address.

The manage token does not expire: the one-click unsubscribe link of an old e-mail must keep
working (RFC 8058). The confirmation token expires after SUBSCRIPTIONS_CONFIRM_DAYS.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from blogsite.mail import absolute_url
from posts.subscriptions.conf import subscription_settings

MANAGE_SALT = "subscriptions.manage"
CONFIRM_SALT = "subscriptions.confirm"


def manage_token(subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=MANAGE_SALT)


def confirm_token(subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=CONFIRM_SALT)


def _read(token: str, *, salt: str, max_age=None) -> int | None:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # tampered with, or expired
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_manage_token(token: str) -> int | None:
    """The subscription id a manage or unsubscribe link names (None: not one of ours)."""
    return _read(token, salt=MANAGE_SALT)


def read_confirm_token(token: str) -> int | None:
    """The subscription id a confirmation link names (None: forged or expired)."""
    return _read(token, salt=CONFIRM_SALT, max_age=subscription_settings.CONFIRM_DAYS * 86400)


def link(name: str, token: str, language: str) -> str:
    """The absolute address of subscriptions:`name` for `token`, under `language`'s prefix."""
    with translation.override(language):
        return absolute_url(reverse(f"subscriptions:{name}", args=[token]))
