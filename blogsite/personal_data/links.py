"""The signed link that proves a reader owns the address they ask about (privacy page)."""

from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from blogsite import ratelimit
from blogsite.mail import absolute_url, html_message
from blogsite.personal_data.conf import privacy_settings
from blogsite.sitename import site_name

SALT = "blogsite.personal-data-request"


def make_token(*, email: str, action: str) -> str:
    return signing.dumps({"e": email.strip().lower(), "a": action}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[str, str] | None:
    """(email, action) from a link, or None when it was forged or has expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=privacy_settings.LINK_HOURS * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not data.get("e") or data.get("a") not in ("export", "erase"):
        return None
    return data["e"], data["a"]


def may_mail(email: str) -> bool:
    """Count one link sent to `email`; False once it had ADDRESS_RATE_LIMIT of them."""
    return ratelimit.hit_address(
        scope="privacy-address", email=email, rate=privacy_settings.ADDRESS_RATE_LIMIT
    )


def send_link(*, email: str, action: str, language: str) -> None:
    """E-mail the address a link to confirm the request, in the reader's language."""
    with translation.override(language):
        path = reverse("privacy-confirm", args=[make_token(email=email, action=action)])
        context = {
            "action": action,
            "link": absolute_url(path),
            "hours": privacy_settings.LINK_HOURS,
            "site_name": site_name(),
        }
        subject = render_to_string("personal_data/email/request_subject.txt", context)
        text = render_to_string("personal_data/email/request_body.txt", context)
        html = render_to_string("personal_data/email/request_body.html", context)
    html_message(subject=subject, text=text, html=html, to=email, language=language).send()
