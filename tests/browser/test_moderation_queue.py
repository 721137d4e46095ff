"""The moderation queue at 1280 px, in Chromium: one-click row buttons and WordPress-like keys."""

import os

import pytest

from comments.models import Comment
from tests.comments.moderation_factories import make_comment, make_editor

pytestmark = pytest.mark.browser
Status = Comment.Status
SCREENSHOT = os.environ.get("QUEUE_SCREENSHOT", "")


def sign_in(page, live_server):
    make_editor(username="redazione", email="redazione@example.com", password="pw-12345!")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_login", "redazione")
    page.fill("#id_password", "pw-12345!")
    page.press("#id_password", "Enter")
    page.wait_for_selector("#moderation-summary-title")


def fill_queue(post):
    reasons = [
        {"check": "links", "score": 0.6, "message": "Troppi link (5) verso domini sconosciuti"},
        {"check": "classifier", "score": 0.9, "message": "Il filtro lo ritiene spam (0,91)"},
    ]
    return [
        make_comment(
            post=post,
            author_name="Venditore di pillole con un nome molto lungo",
            author_email="offerte.imperdibili@example-spam.test",
            body="Compra ora! " * 30,
            spam_score=0.91,
            spam_reasons=reasons,
        ),
        make_comment(post=post, body="Come gestite i resi dopo trenta giorni?", spam_score=0.2),
        make_comment(post=post, body="Grazie, articolo chiarissimo.", spam_score=0.05),
    ]


@pytest.mark.django_db(transaction=True)
def test_the_queue_fits_1280_px_and_its_row_buttons_work(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/comments/comment/")
    page.wait_for_selector("#result_list")
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)
    # Nothing off to the right: the page is no wider than the window.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280
    # Every column is in view, none under the filters' sidebar.
    right = page.evaluate(
        "Math.max(...[...document.querySelectorAll('#result_list th, #result_list td')]"
        ".map(cell => cell.getBoundingClientRect().right))"
    )
    filters_left = page.evaluate(
        "document.querySelector('#changelist-filter').getBoundingClientRect().left"
    )
    assert right <= filters_left <= 1280
    marked = page.locator("#result_list tbody tr", has=page.locator(".likely-spam"))
    assert marked.count() == 1
    assert "Compra ora!" in marked.inner_text()

    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.get_by_role("button", name="Approva").click()
    page.wait_for_selector(".messagelist")
    assert "spostato in Approvato" in page.inner_text(".messagelist")
    question.refresh_from_db()
    assert question.status == Status.APPROVED

    row = page.locator("#result_list tbody tr", has_text="Compra ora!")
    row.get_by_role("button", name="Spam").click()
    page.wait_for_selector(".messagelist")
    likely_spam.refresh_from_db()
    assert likely_spam.status == Status.SPAM
    assert page.locator("#result_list tbody tr", has_text="Compra ora!").count() == 0


@pytest.mark.django_db(transaction=True)
def test_keyboard_shortcuts_move_between_rows_and_act_on_the_current_one(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/comments/comment/")
    page.wait_for_selector("#result_list")
    rows = page.locator("#result_list tbody tr")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("j")  # the second row
    second = rows.nth(1)
    assert "queue-current" in (second.get_attribute("class") or "")
    second_id = int(second.locator("input[name=_selected_action]").get_attribute("value"))
    page.keyboard.press("t")
    page.wait_for_selector(".messagelist")
    assert Comment.objects.get(pk=second_id).status == Status.TRASH

    page.keyboard.press("j")
    first_id = int(rows.nth(0).locator("input[name=_selected_action]").get_attribute("value"))
    page.keyboard.press("a")
    page.wait_for_selector(".messagelist")
    assert Comment.objects.get(pk=first_id).status == Status.APPROVED

    page.keyboard.press("j")
    page.keyboard.press("r")
    page.wait_for_selector("textarea[name=body]")
    assert "/reply/" in page.url
    # Typing in a text field is never taken for a shortcut.
    page.fill("textarea[name=body]", "")
    page.type("textarea[name=body]", "just a test")
    assert page.input_value("textarea[name=body]") == "just a test"
