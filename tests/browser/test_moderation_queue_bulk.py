"""The queue's bulk actions in Chromium: tick rows, choose an action, "Go", and the rows,
the counts and the admin menu's count change in place (no reload); without JavaScript the
same form still works."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment

from .test_moderation_queue import counts, fill_queue, open_queue, sign_in, still_the_same_page

pytestmark = pytest.mark.browser
Status = Comment.Status


def tick(page, *texts):
    for text in texts:
        row = page.locator("#result_list tbody tr", has_text=text)
        row.locator("input.action-select").check()


def run_action(page, name):
    page.select_option("#changelist-form select[name=action]", name)
    page.locator("#changelist-form button[name=index]").click()


@pytest.mark.django_db(transaction=True)
def test_marking_selected_rows_spam_removes_them_in_place(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server)
    tick(page, "Compra ora!", "Grazie, articolo")
    run_action(page, "mark_spam")
    expect(page.locator("#queue-messages")).to_contain_text("2 commenti spostati in Spam")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    assert {c.pk: c.status for c in Comment.objects.all()} == {
        likely_spam.pk: Status.SPAM,
        question.pk: Status.PENDING,
        thanks.pk: Status.SPAM,
    }
    assert counts(page) == {
        "all": "(1)",
        "pending": "(1)",
        "approved": "(0)",
        "spam": "(2)",
        "trash": "(0)",
    }
    assert page.locator("#changelist-filter [data-status-count='spam']").text_content() == "(2)"
    assert page.locator("#nav-sidebar .moderation-badge").text_content() == "(1)"
    assert still_the_same_page(page)


@pytest.mark.django_db(transaction=True)
def test_approving_selected_rows_updates_them_and_says_what_was_left(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    question.status = Status.APPROVED
    question.save(update_fields=["status"])
    sign_in(page, live_server)
    open_queue(page, live_server)
    tick(page, "Come gestite i resi", "Grazie, articolo")
    run_action(page, "approve")
    messages = page.locator("#queue-messages")
    expect(messages).to_contain_text("1 commento spostato in Approvato")
    expect(messages).to_contain_text("1 commento lasciato com'era")
    # "All" lists approved comments: the rows stay, with their new status and buttons.
    row = page.locator("#result_list tbody tr", has_text="Grazie, articolo")
    expect(row.locator(".field-spam_score_mark")).to_contain_text("Approvato")
    expect(row.get_by_role("button", name="Revoca approvazione")).to_be_visible()
    assert Comment.objects.get(pk=thanks.pk).status == Status.APPROVED
    # Nothing stays ticked, and the admin's own counter says so.
    assert page.locator("#result_list input.action-select:checked").count() == 0
    expect(page.locator(".action-counter")).to_contain_text("0 di 3")
    assert counts(page)["pending"] == "(1)"
    assert counts(page)["approved"] == "(2)"
    assert page.locator("#nav-sidebar .moderation-badge").text_content() == "(1)"
    assert still_the_same_page(page)


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_bulk_actions_still_work(live_server, browser, post):
    likely_spam, question, thanks = fill_queue(post)
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    page = context.new_page()
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/comments/comment/?status=pending")
    tick(page, "Compra ora!")
    run_action(page, "move_to_trash")
    expect(page.locator(".messagelist")).to_contain_text("1 commento spostato in Cestino")
    assert page.url.endswith("/admin/comments/comment/?status=pending")
    assert Comment.objects.get(pk=likely_spam.pk).status == Status.TRASH
    context.close()
