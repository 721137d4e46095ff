"""The blog has one name everywhere: SITE_NAME when the site sets one, otherwise the
catalogue's name in the page's language. Before, the header, titles and feeds always said
"Blog sulla customer experience" whatever SITE_NAME was, while e-mails and the admin said
SITE_NAME ("Esperienza Cliente"): one blog, two names, and no way to rename the header."""

import re

import pytest
from django.contrib import admin
from django.utils import translation

from blogsite.sitename import site_name
from posts.subscriptions import letters
from posts.subscriptions.models import Subscription
from tests.conftest import make_post
from wordpress.export import export_wxr

pytestmark = pytest.mark.django_db


def header_and_title(html):
    header = re.search(r'<p class="site-title"><a [^>]*>(.*?)</a>', html)[1]
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1].strip()
    return header, title


def test_without_site_name_each_language_has_the_catalogue_s_name(client):
    assert header_and_title(client.get("/").text) == (
        "Blog sulla customer experience",
        "Blog sulla customer experience",
    )
    assert header_and_title(client.get("/en/").text)[0] == "Customer experience blog"


def test_a_site_name_is_the_blog_s_name_on_every_page_feed_and_e_mail(client, settings):
    settings.SITE_NAME = "Resi Felici"
    post = make_post(title="Resi senza attrito")
    header, title = header_and_title(client.get(post.get_absolute_url()).text)
    assert header == "Resi Felici"
    assert title == "Resi senza attrito · Resi Felici"
    assert (
        '<meta property="og:site_name" content="Resi Felici">'
        in client.get(post.get_absolute_url()).text
    )
    assert header_and_title(client.get("/en/").text)[0] == "Resi Felici"
    assert "<title>Resi Felici</title>" in client.get("/feed/rss/").text
    assert "<title>Resi Felici: ultimi commenti</title>" in client.get("/comments/feed/rss/").text
    assert "\t<title>Resi Felici</title>\n" in "".join(export_wxr())
    with translation.override("it"):
        assert str(admin.site.site_header) == "Resi Felici"
    letter = letters.article_letter(post)
    assert "Resi Felici" in letter.subject + letter.text
    request = Subscription.objects.create(email="lettrice@example.com", language="en")
    reply = letters.request_reply(request)
    assert "Resi Felici" in reply.subject + reply.body


def test_the_admin_and_the_privacy_page_use_the_name_in_the_reader_s_language(client):
    with translation.override("en"):
        assert str(admin.site.site_header) == "Customer experience blog"
        assert site_name() == "Customer experience blog"
    html = client.get("/privacy/").text
    assert "Questo sito, Blog sulla customer experience, è gestito da" in html
