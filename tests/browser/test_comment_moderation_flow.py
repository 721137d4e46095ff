"""The whole WordPress-like flow in Chromium: a guest comments, a moderator approves the
comment in the admin, and another reader then sees it under the article."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.comments.moderation_factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_guest_comment_approved_in_the_admin_appears_for_another_reader(
    live_server, browser, post
):
    make_editor(username="redazione", email="redazione@example.com", password="pw-12345!")
    body = "Da noi i resi oltre trenta giorni passano sempre da un operatore."

    guest = browser.new_context()
    page = guest.new_page()
    page.goto(live_server.url + post.get_absolute_url())
    page.get_by_role("textbox", name="Commento").fill(body)
    page.get_by_role("textbox", name="Nome").fill("Lucia Neri")
    page.get_by_role("textbox", name="Email", exact=True).fill("lucia@example.com")
    page.get_by_role("button", name="Pubblica il commento").click()
    comment = Comment.objects.get()
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("in attesa di moderazione")
    assert comment.status == Comment.Status.PENDING

    moderator = browser.new_context()
    admin = moderator.new_page()
    admin.goto(f"{live_server.url}/admin/")
    admin.fill("#id_login", "redazione")
    admin.fill("#id_password", "pw-12345!")
    admin.press("#id_password", "Enter")
    admin.click(".moderation-summary a")
    row = admin.locator("#result_list tbody tr", has_text="resi oltre trenta giorni")
    row.locator("input[name=_selected_action]").check()
    admin.select_option("select[name=action]", "approve")
    admin.click("button[name=index]")
    expect(admin.locator(".messagelist")).to_contain_text("Approvato")

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + post.get_absolute_url())
    shown = reader.locator(f"#comment-{comment.pk}")
    expect(shown).to_contain_text(body)
    expect(shown).to_contain_text(re.compile(r"Lucia Neri\s*@"))
    expect(shown).not_to_contain_text("in attesa di moderazione")
    expect(reader.locator("#comments")).not_to_contain_text("lucia@example.com")
