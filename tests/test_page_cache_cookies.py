"""Every cookie that makes a page personal keeps its holder off the stored copies.

PAGE_CACHE_BYPASS_COOKIES is built from the names each owner defines once (Django's session
and messages, comments.cookie_names, posts.reactions.cookie_names, posts.cookie_names). Here
the site's own actions (a comment remembered, an e-mail confirmed, a vote, a sign-in, a
language chosen, a protected article unlocked) are made for real, and every cookie they set
must be on that list or be one that a stored page cannot leak (the CSRF token is never in a
stored page; the language is in the address).
"""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.urls import reverse

from comments import confirmation
from comments import cookie_names as comment_cookie_names
from posts import cookie_names as posts_cookie_names
from posts.reactions import cookie_names as reaction_cookie_names
from tests.comments.reader_helpers import form_data, post_url
from tests.conftest import make_post, make_user

ORIGIN = {"Origin": "http://testserver"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def harmless():
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def set_cookie_names(*responses):
    return {name for response in responses for name in response.cookies}


def every_cookie_the_site_sets(post):
    protected = make_post(author=post.author, title="Riservato", password="apriti")
    reader = Client()
    responses = [
        reader.post(post_url(post), form_data(post, remember="on"), headers=ORIGIN),
        reader.post(
            reverse("reactions:react", kwargs={"pk": post.pk}), {"kind": "useful"}, headers=ORIGIN
        ),
        reader.post(
            reverse(
                "comments:confirm-email",
                args=[confirmation.make_token(email="giulia@example.com", post_id=post.pk)],
            ),
            headers=ORIGIN,
        ),
        reader.get(reverse("choose-language", kwargs={"language": "en"})),
        reader.post(
            reverse("posts:unlock"),
            {"item": f"post:{protected.pk}", "password": "apriti"},
            headers=ORIGIN,
        ),
    ]
    user = make_user(password="una-password-lunga")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    member = Client()
    responses.append(member.get(reverse("account_login")))
    responses.append(
        member.post(
            reverse("account_login"),
            {"login": user.username, "password": "una-password-lunga"},
            headers=ORIGIN,
        )
    )
    responses.append(member.get(reverse("posts:index")))  # the sign-in's message, read
    return set_cookie_names(*responses)


def test_the_bypass_list_is_built_from_the_owners_names():
    assert set(settings.PAGE_CACHE_BYPASS_COOKIES) == {
        settings.SESSION_COOKIE_NAME,
        settings.MESSAGES_COOKIE_NAME,
        *comment_cookie_names.COOKIES,
        *reaction_cookie_names.COOKIES,
        *posts_cookie_names.COOKIES,
    }


def test_the_messages_cookie_name_is_djangos():
    from django.contrib.messages.storage.cookie import CookieStorage

    assert CookieStorage.cookie_name == settings.MESSAGES_COOKIE_NAME


def test_every_cookie_the_site_sets_is_bypassed_or_harmless_and_the_list_has_no_stale_name(
    post,
):
    seen = every_cookie_the_site_sets(post)
    personal = seen - harmless()
    assert personal - set(settings.PAGE_CACHE_BYPASS_COOKIES) == set()  # none left out
    assert set(settings.PAGE_CACHE_BYPASS_COOKIES) - personal == set()  # none stale


@pytest.mark.parametrize("name", settings.PAGE_CACHE_BYPASS_COOKIES)
def test_a_reader_holding_a_bypass_cookie_never_gets_the_stored_copy(post, name):
    Client().get(post.get_absolute_url())
    assert Client().get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    holder = Client()
    holder.cookies[name] = "anything"
    assert "X-Page-Cache" not in holder.get(post.get_absolute_url())
