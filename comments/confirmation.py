"""The optional e-mail confirmation for guests: a signed link proving they own the address."""

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from blogsite.mail import absolute_url, html_message

SALT = "comments.confirm-email"
MAX_AGE = 3 * 86400


def make_token(*, email: str, post_id: int) -> str:
    return signing.dumps({"e": email.strip().lower(), "p": post_id}, salt=SALT, compress=True)


def read_token(token: str) -> dict:
    """Return {"e": email, "p": post id}; raise signing.BadSignature if forged or expired."""
    data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    if not isinstance(data, dict) or not data.get("e"):
        raise signing.BadSignature("incomplete token")
    return data


def send_confirmation(*, comment) -> None:
    """E-mail the comment's author a link confirming their address, in the comment's language."""
    if comment.language in dict(settings.LANGUAGES):
        language = comment.language
    else:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        token = make_token(email=comment.author_email, post_id=comment.post_id)
        context = {
            "comment": comment,
            "post": comment.post,
            "link": absolute_url(reverse("comments:confirm-email", args=[token])),
            "days": MAX_AGE // 86400,
        }
        subject = render_to_string("comments/email/confirm_email_subject.txt", context)
        text = render_to_string("comments/email/confirm_email.txt", context)
        html = render_to_string("comments/email/confirm_email.html", context)
    html_message(
        subject=subject, text=text, html=html, to=comment.author_email, language=language
    ).send()
