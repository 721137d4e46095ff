"""The allauth adapter of the site (ACCOUNT_ADAPTER): where allauth's e-mails leave us."""

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import translate_url
from django.utils.translation import get_language, ngettext, override

from blogsite.accounts import mail_limits
from blogsite.mail import from_address
from blogsite.ratelimit import too_many_requests
from blogsite.siteurl import on_site_url

SIGN_UP_CONFIRMATION = "account/email/email_confirmation_signup"
# The e-mails anyone can have sent to an address they need not own (ACCOUNTS_MAILS_*).
STRANGER_MAILS = frozenset(
    {
        "account/email/password_reset_key",
        "account/email/unknown_account",
        "account/email/email_confirmation",
        "account/email/email_confirmation_signup",
        "account/email/account_already_exists",
    }
)


def client_ip(request) -> str | None:
    return (request.META.get("REMOTE_ADDR") or None) if request is not None else None


def login_lockout_minutes() -> int:
    """How long an account stays locked after too many failed sign-ins (the longest
    per-account window of allauth's "login_failed" rate)."""
    rates = parse_rates(allauth_settings.RATE_LIMITS.get("login_failed"))
    seconds = max((rate.duration for rate in rates if rate.per == "key"), default=300)
    return max(round(seconds / 60), 1)


def in_page_language(url: str) -> str:
    """A site address written in the first language ("/"), in the active one ("/en/"). The
    address is read in the first language: under /en/, "/" names nothing."""
    language = get_language()
    with override(settings.LANGUAGE_CODE):
        return translate_url(url, language)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """LOGIN_REDIRECT_URL ("/") in the language of the page the reader signed in on:
        a reader who opened /en/accounts/login/ lands on the English home."""
        return in_page_language(super().get_login_redirect_url(request))

    def get_logout_redirect_url(self, request):
        return in_page_language(super().get_logout_redirect_url(request))

    def get_from_email(self):
        """The blog, by name in the page's language (blogsite.mail), as every e-mail of ours."""
        return from_address()

    def send_mail(self, template_prefix, email, context_data):
        """Send one of allauth's e-mails: within the limits when a stranger can trigger it,
        and with every link on SITE_URL (allauth builds them from the request's Host)."""
        request = context.request
        if template_prefix in STRANGER_MAILS:
            # A sign-up's own confirmation counts for its address only: sign-ups from one
            # client (a school, a mobile network's shared address) have their own limit.
            ip = None if template_prefix == SIGN_UP_CONFIRMATION else client_ip(request)
            refusal = mail_limits.count_mail(email=email, ip=ip)
            if refusal is not None:
                raise ImmediateHttpResponse(
                    too_many_requests(request, message=refusal.message, retry_at=refusal.retry_at)
                )
        context_data = {
            name: on_site_url(value, request) if isinstance(value, str) else value
            for name, value in context_data.items()
        }
        super().send_mail(template_prefix, email, context_data)

    def validation_error(self, code, *args):
        if code == "too_many_login_attempts":
            # allauth's message says "later"; say when.
            minutes = login_lockout_minutes()
            message = ngettext(
                "Too many failed login attempts. Please wait %(minutes)d minute and try again.",
                "Too many failed login attempts. Please wait %(minutes)d minutes and try again.",
                minutes,
            ) % {"minutes": minutes}
            return ValidationError(message, code=code)
        return super().validation_error(code, *args)
