"""The comment form keeps a draft in the browser until the site says the comment is saved."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.comments.reader_helpers import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Una riflessione lunga che nessun guasto deve cancellare."


def fill_guest_form(page, body):
    page.get_by_role("textbox", name="Commento").fill(body)
    page.get_by_role("textbox", name="Nome").fill("Giulia Bianchi")
    page.get_by_role("textbox", name="Email", exact=True).fill("giulia@example.com")


def test_a_post_lost_on_the_way_leaves_the_text_in_the_form_until_one_succeeds(
    live_server, page, post
):
    url = live_server.url + post.get_absolute_url()
    page.goto(url)
    fill_guest_form(page, TEXT)
    # The network fails under the post (the server never sees it).
    page.route("**/comments/post/**", lambda route: route.abort("connectionfailed"))
    with pytest.raises(Exception):  # noqa: B017, PT011 - the browser's own error
        page.get_by_role("button", name="Pubblica il commento").click(no_wait_after=False)
        page.wait_for_url(re.compile("/comments/post/"), timeout=3000)
    page.unroute("**/comments/post/**")
    assert Comment.objects.count() == 0

    page.goto(url)
    expect(page.get_by_role("textbox", name="Commento")).to_have_value(TEXT)
    expect(page.locator("#comment-draft-note")).to_be_visible()

    page.get_by_role("textbox", name="Nome").fill("Giulia Bianchi")
    page.get_by_role("textbox", name="Email", exact=True).fill("giulia@example.com")
    page.get_by_role("button", name="Pubblica il commento").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.get().body == TEXT
    page.goto(url)  # saved: the draft is gone
    expect(page.get_by_role("textbox", name="Commento")).to_have_value("")
    expect(page.locator("#comment-draft-note")).to_be_hidden()


def test_a_reply_draft_comes_back_under_its_comment(live_server, page, post):
    parent = make_comment(post, author_name="Maria Rossi", body="Che ne pensate?")
    url = live_server.url + post.get_absolute_url()
    page.goto(url)
    page.get_by_role("link", name="Rispondi a Maria Rossi").click()
    page.get_by_role("textbox", name="Commento").fill("Una risposta a metà")

    page.goto(url)  # the tab reloaded, the form back in its place
    expect(page.locator(f"#comment-{parent.pk} #respond")).to_be_visible()
    expect(page.get_by_role("textbox", name="Commento")).to_have_value("Una risposta a metà")
    expect(page.locator("input[name=parent]")).to_have_value(str(parent.pk))
