"""Two browsers against the page cache: neither ever sees the other's data."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from comments.models import Comment
from comments.services import moderate
from posts.reactions.models import Reaction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.SPAM_MIN_SUBMIT_SECONDS = 0


def test_two_readers_share_the_cached_page_but_never_each_others_data(
    live_server, page, browser, post
):
    article = live_server.url + post.get_absolute_url()
    other = browser.new_context()
    try:
        second = other.new_page()
        second.goto(article)  # stores the anonymous copy
        first_visit = page.goto(article)
        assert first_visit.headers.get("x-page-cache") == "hit"

        # The first reader comments (without a token: the cached form) and votes.
        page.get_by_role("textbox", name="Commento").fill("Solo mio finché non è approvato.")
        page.get_by_role("textbox", name="Nome").fill("Giulia Bianchi")
        page.get_by_role("textbox", name="Email", exact=True).fill("giulia@example.com")
        page.get_by_role("button", name="Pubblica il commento").click()
        comment = Comment.objects.get()
        expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
        expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("in attesa di moderazione")
        page.locator(".reaction-button").first.click()
        expect(page.locator(".reaction-button").first).to_have_attribute("aria-pressed", "true")
        assert Reaction.objects.count() == 1

        # The second reader sees neither the pending comment, the name, nor a pressed vote.
        second.reload()
        expect(second.locator(f"#comment-{comment.pk}")).to_have_count(0)
        expect(second.locator("body")).not_to_contain_text("Giulia Bianchi")
        expect(second.locator('.reaction-button[aria-pressed="true"]')).to_have_count(0)
        expect(second.locator("#id_name")).to_have_value("")

        # Approved, the comment reaches the second reader at once.
        moderate(comment=comment, status=Comment.Status.APPROVED)
        second.reload()
        expect(second.locator(f"#comment-{comment.pk}")).to_contain_text("Solo mio")
        expect(second.locator(f"#comment-{comment.pk}")).not_to_contain_text("in attesa")
        state = second.request.get(
            live_server.url + reverse("reactions:state", kwargs={"pk": post.pk})
        ).json()
        assert state["current"] is None and state["total"] == 1
    finally:
        other.close()
