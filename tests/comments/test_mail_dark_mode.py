"""HTML e-mails declare both colour schemes and carry a dark palette for the mail clients
that honour prefers-color-scheme, over inline light colours kept for those that strip
<style>. (tests/browser/test_mail_dark_mode.py renders one in Chromium.)"""

import re

import pytest
from django.core import mail

from comments import services
from comments.models import Comment
from tests.comments.moderation_factories import make_comment

Status = Comment.Status


def reply_mail_html(post, capture_on_commit):
    """The HTML of the e-mail a subscriber gets about an approved reply, as sent."""
    parent = make_comment(
        post=post,
        status=Status.APPROVED,
        notify_replies=True,
        author_name="Jane",
        author_email="jane@example.com",
    )
    reply = make_comment(post=post, parent=parent, author_name="Marco", body="Sono d'accordo")
    with capture_on_commit(execute=True):
        services.moderate(comment=reply, status=Status.APPROVED)
    [message] = [m for m in mail.outbox if m.to == ["jane@example.com"]]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    return html


@pytest.mark.django_db
def test_a_mail_declares_light_and_dark_and_carries_a_dark_block(
    post, django_capture_on_commit_callbacks
):
    html = reply_mail_html(post, django_capture_on_commit_callbacks)
    assert '<meta name="color-scheme" content="light dark">' in html
    assert '<meta name="supported-color-schemes" content="light dark">' in html
    style = re.search(r"<style>(.*?)</style>", html, re.S)[1]
    dark = style[style.index("@media (prefers-color-scheme: dark)") :]
    # Each dark colour beats an inline one, so each carries !important.
    declarations = re.findall(r"(?:color|background-color|border-color): [^;]+;", dark)
    assert declarations and all("!important" in d for d in declarations)
    # The footer and the quoted comment have classes the dark block can reach.
    assert 'class="email-muted"' in html and 'class="email-quote"' in html


@pytest.mark.django_db
def test_a_mail_stays_light_for_a_client_that_strips_style(
    post, django_capture_on_commit_callbacks
):
    html = reply_mail_html(post, django_capture_on_commit_callbacks)
    body = re.search(r"<body[^>]*>", html)[0]
    assert "color: #1a1a1a" in body and "background-color: #ffffff" in body
