"""Every account has one public name, the same everywhere, and a change reaches every page.

The rule is posts.models.display_name: the profile's chosen name, else the full name, else
the username; "Anonymous" only for a comment left without any name.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model

from comments.models import Comment
from comments.services import reply_as_moderator
from posts.models import Profile, display_name
from posts.services import record_revision, save_profile
from tests.comments.reader_helpers import make_comment
from tests.conftest import make_post, make_user

pytestmark = pytest.mark.django_db


def json_ld_author(text):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(block.group(1))["author"]["name"]


@pytest.fixture
def superuser(db):
    # As `createsuperuser` makes one: a username, an e-mail, no first or last name.
    return get_user_model().objects.create_superuser("redazione", "capo@example.com", "pw-12345!")


def test_the_rule_is_chosen_name_then_full_name_then_username(superuser):
    assert display_name(superuser) == "redazione"
    superuser.first_name, superuser.last_name = "Anna", "Neri"
    assert display_name(superuser) == "Anna Neri"
    save_profile(user=superuser, display_name="La Redazione")
    superuser.refresh_from_db()
    assert display_name(superuser) == "La Redazione"


def test_a_superuser_without_names_publishes_under_its_username_everywhere(
    client, superuser, django_capture_on_commit_callbacks
):
    post = make_post(author=superuser, title="Dalla redazione")
    page = client.get(post.get_absolute_url()).text
    assert 'content="redazione"' in page  # article:author
    assert json_ld_author(page) == "redazione"
    assert "<name>redazione</name>" in client.get("/feed/atom/").text
    assert "<dc:creator>" not in page and "Anonimo" not in page and "Anonymous" not in page

    question = make_comment(post, author_name="Lucia", status=Comment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        reply = reply_as_moderator(parent=question, body="Grazie!", moderator=superuser).reply
    assert reply.author_name == "redazione"

    record_revision(post=post, editor=superuser)
    client.force_login(superuser)
    revisions = client.get(f"/admin/posts/post/{post.pk}/revisions/").text
    assert "· redazione" in revisions


def test_a_comment_without_any_name_is_anonymous_in_the_page_and_the_feeds(client, post):
    # Forms and imports always give a name; an old row may still have none.
    comment = make_comment(post, body="Un commento di un vecchio weblog.")
    Comment.objects.filter(pk=comment.pk).update(author_name="")
    page = client.get(post.get_absolute_url()).text
    assert "<bdi>Anonimo</bdi>" in page
    feed = client.get("/comments/feed/atom/").text
    assert "<name>Anonimo</name>" in feed


def test_a_new_display_name_reaches_cached_pages_comments_and_replies(
    client, author, post, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    comment = make_comment(post, author_name="Maria Rossi", user=author, body="Aggiungo una cosa.")
    anonymous = client.__class__()
    assert "Maria Rossi" in anonymous.get(post.get_absolute_url()).text
    assert anonymous.get(post.get_absolute_url())["X-Page-Cache"] == "hit"

    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/profile/", {"display_name": "Maria R.", "bio": ""})
    assert response.status_code == 302

    comment.refresh_from_db()
    assert comment.author_name == "Maria R."
    page = anonymous.get(post.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"  # forgotten: the byline and the comment changed
    assert json_ld_author(page.text) == "Maria R."
    assert "Maria Rossi" not in page.text
    assert "<bdi>Maria R.</bdi>" in page.text
    assert "Maria R." in anonymous.get("/").text


def test_the_header_shows_the_display_name_and_follows_its_change(client, reader):
    client.force_login(reader)
    assert "Accesso effettuato come <strong>reader</strong>" in client.get("/").text
    client.post("/accounts/profile/", {"display_name": "Lettrice Attenta", "bio": ""})
    assert "Accesso effettuato come <strong>Lettrice Attenta</strong>" in client.get("/").text


def test_a_full_name_changed_in_the_admin_renames_an_author_without_a_profile(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    writer = make_user(username="gbianchi")
    post = make_post(author=writer)
    comment = make_comment(post, author_name="gbianchi", user=writer)
    assert 'content="gbianchi"' in client.get(post.get_absolute_url()).text
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "hit"

    writer.first_name, writer.last_name = "Giulia", "Bianchi"
    with django_capture_on_commit_callbacks(execute=True):
        writer.save()

    assert not Profile.objects.filter(user=writer).exists()
    comment.refresh_from_db()
    assert comment.author_name == "Giulia Bianchi"
    assert 'content="Giulia Bianchi"' in client.get(post.get_absolute_url()).text


def test_signing_in_renames_nothing_and_costs_no_name_query(
    client, author, django_assert_max_num_queries
):
    # Saving last_login (every sign-in) is not a name change: nothing compared or renamed.
    with django_assert_max_num_queries(1):
        author.save(update_fields=["last_login"])


def test_a_readers_sign_up_or_new_name_forgets_no_cached_page(client, post, settings):
    settings.PAGE_CACHE_ENABLED = True
    anonymous = client.__class__()
    anonymous.get(post.get_absolute_url())
    response = client.post(
        "/accounts/signup/",
        {
            "email": "luca@example.com",
            "username": "luca77",
            "display_name": "Luca da Torino",
            "password1": "Tr1cky-passphrase!",
            "password2": "Tr1cky-passphrase!",
        },
    )
    assert response.status_code == 302
    save_profile(user=get_user_model().objects.get(username="luca77"), display_name="Luca T.")
    assert anonymous.get(post.get_absolute_url())["X-Page-Cache"] == "hit"


def test_an_authors_new_bio_reaches_cached_pages(client, author, post, settings):
    settings.PAGE_CACHE_ENABLED = True
    client.get(post.get_absolute_url())
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    save_profile(user=author, display_name="Maria Rossi", bio="Scrive di resi.")
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "miss"


def test_the_comment_form_greets_a_signed_in_reader_by_the_display_name(client, reader, post):
    client.force_login(reader)
    client.post("/accounts/profile/", {"display_name": "Lettrice Attenta", "bio": ""})
    page = client.get(post.get_absolute_url()).text
    assert "Accesso effettuato come Lettrice Attenta." in page
    assert "Accesso effettuato come reader." not in page
