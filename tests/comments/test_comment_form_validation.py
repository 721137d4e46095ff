"""Every field validated with a clear message, typed text kept, hostile input shown as text."""

import pytest
from django.test import override_settings
from django.utils import translation

from comments.forms import CommentForm
from comments.models import Comment
from tests.comments.reader_helpers import form_data, make_comment, post_comment

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    '<script>alert("x")</script><img src=x onerror="alert(1)">'
    ' <a href="javascript:alert(2)">clic</a>'
)
HOSTILE_NAME = '<b onmouseover="alert(3)">Mallory</b><script>alert(4)</script>'


def errors_for(post, **overrides):
    with translation.override("en"):
        form = CommentForm(form_data(post, **overrides), post=post)
        form.is_valid()
        return {field: [str(e) for e in errs] for field, errs in form.errors.items()}


def test_a_complete_form_is_valid(post):
    assert errors_for(post) == {}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Please enter your name."),
        ("name", "   ", "Please enter your name."),
        ("name", "x" * 81, "at most 80 characters"),
        ("email", "", "Please enter your e-mail address"),
        ("email", "not-an-address", "valid e-mail address"),
        ("url", "javascript:alert(1)", "http:// or https://"),
        ("url", "javascript://example.com/%0Aalert(1)", "http:// or https://"),
        ("url", "ftp://example.com/", "http:// or https://"),
        ("url", "https://" + "a" * 300 + ".com", "shorter address"),
        ("body", "", "Please write a comment."),
        ("body", "   ", "Please write a comment."),
    ],
)
def test_each_field_explains_what_is_wrong(post, field, value, message):
    errors = errors_for(post, **{field: value})
    assert field in errors
    assert message in " ".join(errors[field])


@override_settings(COMMENTS_MAX_LENGTH=20)
def test_a_body_over_the_configured_length_is_refused_with_the_limit(post):
    errors = errors_for(post, body="x" * 21)
    assert "the limit is 20" in errors["body"][0]
    assert errors_for(post, body="x" * 20) == {}


def test_a_website_without_a_scheme_gets_https(post):
    form = CommentForm(form_data(post, url="example.com/blog"), post=post)
    assert form.is_valid()
    assert form.cleaned_data["url"] == "https://example.com/blog"


def test_the_errors_are_shown_in_italian_by_default(client, post):
    response = post_comment(client, post, name="", email="x")
    html = response.content.decode()
    assert "Inserisci il tuo nome." in html
    assert "Inserisci un indirizzo email valido" in html


def test_an_invalid_form_shows_the_article_again_with_the_typed_text(client, post):
    response = post_comment(
        client, post, email="wrong", body="Il mio lungo commento", url="https://mio.example"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert post.title in html
    assert "Il mio lungo commento</textarea>" in html
    assert 'value="Giulia Bianchi"' in html
    assert 'value="https://mio.example"' in html
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists()


def test_the_page_with_errors_is_the_whole_article_page(client, post):
    from tests.conftest import make_post

    newer = make_post(author=post.author, tags=list(post.tags.all()), title="Un articolo vicino")
    html = post_comment(client, post, email="wrong").content.decode()
    assert "Condividi questo articolo" in html  # the share row
    assert newer.title in html  # the next article and related articles are still there


def test_a_reply_to_a_missing_comment_keeps_the_text_and_explains(client, post):
    response = post_comment(client, post, parent="999999", body="Risposta persa?")
    assert response.status_code == 400
    assert "Risposta persa?" in response.content.decode()
    assert not Comment.objects.exists()


def test_hostile_name_body_and_website_are_shown_as_text(client, post):
    post_comment(client, post, name=HOSTILE_NAME, body=HOSTILE_BODY)
    comment = Comment.objects.get()
    comment.status = Comment.Status.APPROVED
    comment.save()

    html = client.get(post.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'onmouseover="' not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b onmouseover=&quot;alert(3)&quot;&gt;Mallory&lt;/b&gt;" in html


def test_a_hostile_typed_text_is_escaped_when_the_form_is_shown_again(client, post):
    response = post_comment(client, post, email="wrong", name=HOSTILE_NAME, body=HOSTILE_BODY)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert 'onmouseover="alert' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)" in html


def test_links_in_bodies_get_nofollow_ugc_and_the_website_too(client, post):
    make_comment(post, body="Leggi https://example.org/guida", author_url="https://mio.example")
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<a rel="nofollow ugc" href="https://example.org/guida">' in html
    assert 'href="https://mio.example" rel="nofollow ugc"' in html


def test_control_characters_are_removed_from_the_name(post):
    form = CommentForm(form_data(post, name="Giu\x1blia \x07 Bianchi"), post=post)
    assert form.is_valid()
    assert form.cleaned_data["name"] == "Giulia Bianchi"


def test_the_form_does_not_save_anything(post):
    form = CommentForm(form_data(post), post=post)
    assert form.is_valid()
    assert not Comment.objects.exists()


def test_a_signed_in_reader_is_not_asked_for_name_and_email(client, post, reader):
    client.force_login(reader)
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'name="name"' not in html
    assert 'name="email"' not in html
    assert "reader" in html and "Log out?" in html or "Esci?" in html

    response = post_comment(client, post, name="", email="", body="Senza nome ed e-mail")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.user == reader
    assert comment.author_email == reader.email


def test_remember_me_fills_the_form_next_time_only_when_asked(client, post):
    post_comment(client, post, remember="on", url="https://giulia.example")
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'value="Giulia Bianchi"' in html
    assert 'value="https://giulia.example"' in html

    post_comment(client, post, body="Senza ricordarmi")
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'value="Giulia Bianchi"' not in html


def test_email_me_replies_is_opt_in(client, post):
    post_comment(client, post, body="Niente e-mail")
    post_comment(client, post, body="Avvisami", notify_replies="on")
    assert Comment.objects.get(body="Niente e-mail").notify_replies is False
    assert Comment.objects.get(body="Avvisami").notify_replies is True


def test_the_error_summary_lists_the_fields_in_the_form_s_order(client, post):
    # The form shows the comment first, then name, e-mail and website: the summary that
    # takes the focus reads in that order too.
    html = post_comment(client, post, body="", name="", email="x").content.decode()
    summary = html[
        html.index('id="comment-errors"') : html.index("</ul>", html.index('id="comment-errors"'))
    ]
    positions = [summary.index(f'href="#id_{name}"') for name in ("body", "name", "email")]
    assert positions == sorted(positions)
    page = html.index('id="id_body"'), html.index('id="id_name"'), html.index('id="id_email"')
    assert list(page) == sorted(page)
