"""A refused comment keeps the reader's text and says why, where they are looking: the form's
error summary, the site's CSRF and 403 pages, in the reader's language."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blogsite.reader import Reader, reader_of
from comments.models import Comment
from tests.comments.reader_helpers import form_data, post_comment, post_url

pytestmark = pytest.mark.django_db


def summary(html):
    match = re.search(r'<div id="comment-errors"[^>]*>(.*?)</div>', html, re.S)
    return match and match.group(1)


def test_a_bad_email_shows_an_error_summary_at_the_top_of_the_form_with_the_text_kept(
    client, post
):
    response = post_comment(client, post, email="non-un-indirizzo", body="Il mio testo lungo.")
    html = response.content.decode()
    assert response.status_code == 400
    errors = summary(html)
    assert 'href="#id_email"' in errors
    assert "Inserisci un indirizzo email valido" in errors
    assert 'tabindex="-1"' in html[html.index('id="comment-errors"') - 200 :][:400]
    # The summary is inside the form, before its fields; the form posts back to its anchor.
    form = html[html.index('id="commentform"') :]
    assert form.index('id="comment-errors"') < form.index('name="body"')
    assert f'action="{post_url(post)}#comment-errors"' in html
    assert "Il mio testo lungo.</textarea>" in html


def test_a_too_long_comment_is_refused_with_its_length_and_never_cut(client, post, settings):
    settings.COMMENTS_MAX_LENGTH = 5000
    text = "a" * 10009
    response = post_comment(client, post, body=text)
    html = response.content.decode()
    assert response.status_code == 400
    assert "10009 caratteri; il limite è 5000" in summary(html)
    assert f"{text}</textarea>" in html
    assert ' maxlength="5000"' not in html  # a browser would cut a pasted text silently
    assert 'data-maxlength="5000"' in html
    assert not Comment.objects.exists()


def test_a_rate_limited_comment_lands_on_the_form_with_the_text_kept(client, post, settings):
    settings.COMMENTS_RATE_LIMIT = "1/d"  # a day: no window boundary mid-test
    post_comment(client, post, body="Il primo commento.")
    response = post_comment(client, post, body="Il secondo, troppo presto.")
    assert response.status_code == 429
    html = response.content.decode()
    assert "più in fretta di quanto possiamo accettarli" in summary(html)
    assert "Il secondo, troppo presto.</textarea>" in html


def test_a_bad_hidden_parent_shows_a_visible_message(client, post):
    for parent in ("abc", "0", "999999"):
        response = post_comment(client, post, parent=parent, body="Rispondo.")
        assert response.status_code == 400
        assert "Il commento a cui rispondi non è più disponibile." in summary(
            response.content.decode()
        ), parent


def test_author_names_made_only_of_invisible_characters_are_refused(client, post):
    for name in ("\u200b\u200b", "\u202e", "\u2066\u2069 \ufeff"):
        response = post_comment(client, post, name=name)
        assert response.status_code == 400
        assert "Inserisci il tuo nome." in summary(response.content.decode())
    assert not Comment.objects.exists()


def test_invisible_characters_are_taken_out_of_a_name_and_names_are_shown_in_bdi(client, post):
    post_comment(client, post, name="Ana\u202e Ruiz")
    comment = Comment.objects.get()
    assert comment.author_name == "Ana Ruiz"
    Comment.objects.update(status=Comment.Status.APPROVED, author_name="\u202eevil")
    html = Client().get(post.get_absolute_url()).content.decode()
    assert "<bdi>\u202eevil</bdi>" in html


def test_a_csrf_failure_shows_the_site_page_in_the_readers_language_with_the_text(post):
    client = Client(enforce_csrf_checks=True)
    with_english = "/en" + post_url(post)
    response = client.post(with_english, form_data(post, body="My carefully typed comment."))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Your form has expired" in html
    assert "My carefully typed comment.</textarea>" in html
    assert f'action="{with_english}"' in html
    assert 'name="csrfmiddlewaretoken"' in html  # a fresh token: sending again works
    assert 'name="name" value="Giulia Bianchi"' in html

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    again = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    again.update(csrfmiddlewaretoken=token, body="My carefully typed comment.")
    resent = client.post(with_english, again)
    assert resent.status_code == 302
    assert Comment.objects.get().body == "My carefully typed comment."


def test_the_csrf_page_speaks_italian_at_the_italian_address(post):
    client = Client(enforce_csrf_checks=True)
    response = client.post(post_url(post), form_data(post, body="Testo."))
    assert "Il modulo è scaduto" in response.content.decode()


def test_editing_after_the_window_closed_shows_the_site_403_with_the_message_and_text(
    client, post
):
    post_comment(client, post, body="Testo originale")
    comment = Comment.objects.get()
    Comment.objects.update(submitted_at=timezone.now() - timedelta(hours=2))
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Il testo nuovo"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Questo commento non può più essere modificato da questo browser." in html
    assert "Il testo nuovo</textarea>" in html
    assert '<html lang="it"' in html


def test_the_reader_is_worked_out_once_per_request(client, post, rf):
    post_comment(client, post, body="Il mio commento.")
    own = Comment.objects.get()
    request = rf.get("/")
    request.COOKIES.update({name: morsel.value for name, morsel in client.cookies.items()})
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    reader = reader_of(request)
    assert reader.own_comment_ids == (own.pk,)
    assert reader.user is None
    assert reader_of(request) is reader  # the same object for everyone in the request
    assert reader.trust.own_comment_ids == (own.pk,)
    assert isinstance(reader._wrapped, Reader)

    # A tampered cookie counts as absent.
    request = rf.get("/")
    request.user = AnonymousUser()
    request.COOKIES["comments_mine"] = "[1,2,3]"
    assert reader_of(request).own_comment_ids == ()
