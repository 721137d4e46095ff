"""Building the e-mails the site sends: absolute links, the sender, and the headers a list
mail carries.

The sender is the blog, by name: DEFAULT_FROM_EMAIL's address under site_name() in the
e-mail's language ("Blog sulla customer experience <noreply@...>"), unless the setting names
a sender itself ("Shop <noreply@shop.example>"), which is then used as it is.

Every mail a reader can stop (comment notifications, new articles, digests) carries a
one-click unsubscribe link in its List-Unsubscribe header with List-Unsubscribe-Post
(RFC 8058), so mail clients can offer their own "unsubscribe" button.
"""

from email.utils import formataddr, parseaddr
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from blogsite.sitename import site_name, site_name_in


def absolute_url(path: str) -> str:
    """The address of `path` on the public site (SITE_URL), for links in e-mails."""
    return urljoin(settings.SITE_URL + "/", path.lstrip("/"))


def from_address(language: str | None = None) -> str:
    """The From of the site's e-mails in `language` (the active one when None)."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if name or not address:
        return settings.DEFAULT_FROM_EMAIL
    # formataddr quotes a name with a comma or quotes, and encodes one that is not ASCII.
    return formataddr((site_name_in(language) if language else site_name(), address))


def html_message(
    *,
    subject: str,
    text: str,
    html: str,
    to: str,
    language: str,
    headers=None,
    connection=None,
):
    """A plain-text message with its HTML alternative, from the blog in `language`; the
    subject is kept on one line."""
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=from_address(language),
        to=[to],
        headers=headers or {},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def list_message(
    *,
    subject: str,
    text: str,
    html: str,
    to: str,
    language: str,
    unsubscribe_url: str,
    list_id: str = "",
    connection=None,
):
    """A message from a list the recipient can leave: RFC 8058 one-click unsubscribe."""
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    if list_id:
        headers["List-Id"] = list_id
    return html_message(
        subject=subject,
        text=text,
        html=html,
        to=to,
        language=language,
        headers=headers,
        connection=connection,
    )
