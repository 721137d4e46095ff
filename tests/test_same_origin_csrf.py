"""The comment and vote forms of a cached page carry no token: the browser's origin proves them."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from posts.reactions.models import Reaction
from tests.comments.reader_helpers import form_data, post_url


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def vote_url(post):
    return reverse("reactions:react", kwargs={"pk": post.pk})


def test_a_token_less_comment_from_this_site_is_saved(browser, post):
    response = browser.post(
        post_url(post), form_data(post), headers={"Origin": "http://testserver"}
    )
    assert response.status_code == 302
    assert Comment.objects.filter(post=post).count() == 1


def test_a_token_less_vote_from_this_site_is_counted(browser, post):
    response = browser.post(
        vote_url(post), {"kind": "useful"}, headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert response.status_code == 302
    assert Reaction.objects.filter(post=post).count() == 1


def test_a_token_less_comment_from_another_site_is_refused(browser, post):
    response = browser.post(
        post_url(post), form_data(post), headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_token_less_vote_with_no_proof_of_origin_is_refused(browser, post):
    assert browser.post(vote_url(post), {"kind": "useful"}).status_code == 403
    cross = browser.post(
        vote_url(post), {"kind": "useful"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross.status_code == 403
    assert not Reaction.objects.exists()


def test_a_post_carrying_a_wrong_token_is_refused_even_from_this_site(browser, post):
    browser.get(post.get_absolute_url())  # page cache off: a real token and its cookie
    response = browser.post(
        post_url(post),
        form_data(post, csrfmiddlewaretoken="x" * 64),
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_post_with_the_pages_own_token_still_works(browser, post):
    page = browser.get(post.get_absolute_url())
    token = page.context["csrf_token"]
    response = browser.post(vote_url(post), {"kind": "useful", "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert Reaction.objects.count() == 1


def test_other_forms_keep_djangos_check(browser, post, reader):
    # Only the comment and vote endpoints are exempted; the edit form is not.
    response = browser.post(
        reverse("comments:delete", kwargs={"pk": 1}), headers={"Origin": "http://testserver"}
    )
    assert response.status_code == 403
