"""A reader deletes their own comment only after saying so: in a dialog on the article with
JavaScript (Cancel or Escape keep the comment), on a page of its own without."""

import re
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import expect

from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"


def comment_from_this_browser(page, live_server, post, body):
    page.goto(live_server.url + post.get_absolute_url())
    page.get_by_role("textbox", name="Commento").fill(body)
    page.get_by_role("textbox", name="Nome").fill("Giulia Bianchi")
    page.get_by_role("textbox", name="Email", exact=True).fill("giulia@example.com")
    page.get_by_role("button", name="Pubblica il commento").click()
    comment = Comment.objects.get(body=body)
    expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
    return comment


def test_delete_asks_in_a_dialog_and_only_confirming_deletes(live_server, page, post):
    comment = comment_from_this_browser(page, live_server, post, "Ci ho ripensato.")
    mine = page.locator(f"#comment-{comment.pk}")
    link = mine.get_by_role("link", name="Elimina")
    dialog = page.get_by_role("dialog", name="Eliminare questo commento?")

    link.click()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Ci ho ripensato.")
    # The safe answer has the focus; "Cancel" keeps the comment, and the focus goes back.
    expect(dialog.get_by_role("button", name="Annulla")).to_be_focused()
    dialog.get_by_role("button", name="Annulla").click()
    expect(dialog).to_be_hidden()
    expect(link).to_be_focused()
    expect(mine).to_contain_text("Ci ho ripensato.")

    link.click()
    expect(dialog).to_be_visible()
    page.evaluate(AXE_JS.read_text())  # not a <script> tag: the CSP would refuse it
    found = page.evaluate("async () => (await axe.run('#comment-delete-dialog')).violations")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == []
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING

    link.click()
    dialog.get_by_role("button", name="Elimina").click()
    expect(page.locator("#comments")).to_contain_text("Il tuo commento è stato eliminato.")
    expect(page.locator(f"#comment-{comment.pk}")).to_have_count(0)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.TRASH


def test_without_javascript_the_link_opens_a_page_that_asks(live_server, browser, post):
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    try:
        page = context.new_page()
        comment = comment_from_this_browser(page, live_server, post, "Senza script.")
        page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Elimina").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Eliminare questo commento?")
        expect(page.locator("main")).to_contain_text("Senza script.")

        page.get_by_role("link", name="Annulla").click()
        expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
        expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("Senza script.")

        page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Elimina").click()
        page.get_by_role("button", name="Elimina").click()
        expect(page.locator("#comments")).to_contain_text("Il tuo commento è stato eliminato.")
        comment.refresh_from_db()
        assert comment.status == Comment.Status.TRASH
    finally:
        context.close()
