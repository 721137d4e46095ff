"""Building the e-mails the site sends: absolute links, and the headers a list mail carries.

Every mail a reader can stop (comment notifications, new articles, digests) carries a
one-click unsubscribe link in its List-Unsubscribe header with List-Unsubscribe-Post
(RFC 8058), so mail clients can offer their own "unsubscribe" button.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives


def absolute_url(path: str) -> str:
    """The address of `path` on the public site (SITE_URL), for links in e-mails."""
    return urljoin(settings.SITE_URL + "/", path.lstrip("/"))


def html_message(*, subject: str, text: str, html: str, to: str, headers=None, connection=None):
    """A plain-text message with its HTML alternative; the subject is kept on one line."""
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
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
        subject=subject, text=text, html=html, to=to, headers=headers, connection=connection
    )
