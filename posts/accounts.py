"""How allauth treats accounts here (ACCOUNT_ADAPTER): no throwaway e-mail addresses, and
account e-mails in the language the person chose, on top of the foundation's adapter (links
on SITE_URL, mail limits)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language, gettext, override

from blogsite.accounts.adapter import AccountAdapter as SiteAccountAdapter
from posts.conf import signup_settings
from posts.languages import language_codes


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


def language_chosen_for_address(email: str) -> str:
    """The e-mail language chosen on the profile of the account that has `email` (as its
    address or one of allauth's), "" when there is no such account or it chose none."""
    chosen = (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        .exclude(profile__language="")
        .values_list("profile__language", flat=True)
        .first()
    )
    return chosen if chosen in language_codes() else ""


def is_site_link(value) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://", "/"))


class AccountAdapter(SiteAccountAdapter):
    def send_mail(self, template_prefix, email, context_data):
        """Write to a known account in the language it chose, with its links in that
        language; to anyone else (and to an account that chose none) in the page's."""
        language = language_chosen_for_address(email)
        if not language or language == get_language():
            return super().send_mail(template_prefix, email, context_data)
        # Read under the page's language (its prefix), written under the chosen one's.
        context_data = {
            name: translate_url(value, language) if is_site_link(value) else value
            for name, value in context_data.items()
        }
        with override(language):
            return super().send_mail(template_prefix, email, context_data)

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
