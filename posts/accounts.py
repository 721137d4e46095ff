"""How allauth treats sign-ups here (ACCOUNT_ADAPTER): no throwaway e-mail addresses, on
top of the foundation's adapter (links on SITE_URL, mail limits)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from blogsite.accounts.adapter import AccountAdapter as SiteAccountAdapter
from posts.conf import signup_settings


def blocked_email_domain(email: str) -> str | None:
    """Return the blocked domain (SIGNUP_BLOCKED_EMAIL_DOMAINS) the address is at, if any."""
    host = email.rpartition("@")[2].strip().lower().rstrip(".")
    blocked = signup_settings.BLOCKED_EMAIL_DOMAINS
    labels = host.split(".")
    for start in range(len(labels) - 1):
        domain = ".".join(labels[start:])
        if domain in blocked:
            return domain
    return None


class AccountAdapter(SiteAccountAdapter):
    def clean_email(self, email: str) -> str:
        # Sign-up and "add an e-mail address" both ask here.
        email = super().clean_email(email)
        domain = blocked_email_domain(email)
        if domain:
            raise ValidationError(
                gettext(
                    "Addresses at %(domain)s are disposable and cannot be used here: please "
                    "sign up with an address you keep, so replies and password resets reach you."
                )
                % {"domain": domain},
                code="disposable_email",
            )
        return email
