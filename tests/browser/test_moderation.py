"""A moderator approves a held comment from the admin queue, in Chromium."""

import pytest

from comments.models import Comment
from tests.browser.conftest import log_in_to_the_admin
from tests.comments.moderation_factories import make_comment, make_editor

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_moderator_approves_a_held_comment_with_the_bulk_action(live_server, page, post):
    comment = make_comment(
        post=post,
        status=Comment.Status.PENDING,
        author_name="Lettrice curiosa",
        body="Come gestite i resi dopo trenta giorni?",
    )
    make_editor(username="redazione", email="redazione@example.com", password="pw-12345!")

    log_in_to_the_admin(page, live_server, "redazione", "pw-12345!")
    page.wait_for_selector("#moderation-summary-title")
    assert "Commenti in attesa di moderazione: 1" in page.inner_text(".moderation-summary")

    page.click(".moderation-summary a")
    page.wait_for_selector("#result_list")
    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "approve")
    page.click("button[name=index]")

    page.wait_for_selector(".messagelist")
    assert "1 commento spostato in Approvato." in page.inner_text(".messagelist")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
