"""A commenter's website becomes a link only when it is an http(s) address."""

import pytest

from comments.models import Comment
from tests.comments.reader_helpers import make_comment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "stored",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/",
    ],
)
def test_a_stored_unsafe_author_url_is_shown_as_plain_name(client, post, stored):
    comment = make_comment(post, author_name="Vecchio Lettore")
    # Old data (an import, a hand-edited row): the form's validation never saw it.
    Comment.objects.filter(pk=comment.pk).update(author_url=stored)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Vecchio Lettore" in html
    assert "script:" not in html.lower()
    assert "data:text" not in html
    assert 'class="url"' not in html


def test_an_http_author_url_stays_a_nofollow_link(client, post):
    make_comment(post, author_name="Blogger", author_url="https://blog.example/io")
    html = client.get(post.get_absolute_url()).content.decode()
    assert (
        '<a href="https://blog.example/io" rel="nofollow ugc" class="url"><bdi>Blogger</bdi></a>'
        in html
    )


@pytest.mark.parametrize(
    "typed",
    [
        "blog.example/io",
        "http://blog.example",
        "HTTPS://Blog.Example/a?b=c",
        "ftp://files.example/",
        "javascript:alert(1)",
        "https://java\tscript.example/",
        "https://",
        "mailto:me@example.com",
    ],
)
def test_every_website_the_form_accepts_is_one_the_page_links(typed, post):
    # One rule (posts.weburl): the form takes only what web_url() later shows as a link.
    from django import forms

    from comments.forms import CommentForm
    from posts.weburl import web_url

    form = CommentForm(post=post)
    form.cleaned_data = {"url": typed}
    try:
        accepted = form.clean_url()
    except forms.ValidationError:
        return
    assert web_url(accepted) == accepted
