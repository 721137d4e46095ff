"""The moderation queue at 1280 px, in Chromium: row buttons, quick reply and WordPress-like
keys act in place (no reload), the counts follow; without JavaScript the same buttons and
the reply page still work as plain forms."""

import os
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.conftest import log_in_to_the_admin
from tests.comments.moderation_factories import make_comment, make_editor

pytestmark = pytest.mark.browser
Status = Comment.Status
SCREENSHOT = os.environ.get("QUEUE_SCREENSHOT", "")
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"


def sign_in(page, live_server):
    make_editor(username="redazione", email="redazione@example.com", password="pw-12345!")
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in_to_the_admin(page, live_server, "redazione", "pw-12345!")
    page.wait_for_selector("#moderation-summary-title")


def open_queue(page, live_server, query=""):
    page.goto(f"{live_server.url}/admin/comments/comment/{query}")
    page.wait_for_selector("#result_list")
    # Set on this page only: a reload would forget it.
    page.evaluate("window.sameQueuePage = true")


def still_the_same_page(page):
    return page.evaluate("window.sameQueuePage === true")


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


def counts(page):
    """The status counts above the list, as {status: "(n)"}."""
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('.status-counts [data-status-count]')]"
        ".map(el => [el.dataset.statusCount, el.textContent]))"
    )


def nothing_cut_off_in_the_list(page):
    """Whether the list fits its own scrolling box, where a too-wide column (and the row
    buttons at its right) would be cut off while the page itself stays 1280 px wide."""
    return page.evaluate(
        "document.querySelector('.results').scrollWidth"
        " <= document.querySelector('.results').clientWidth"
    )


@pytest.mark.django_db(transaction=True)
def test_the_queue_fits_1280_px_and_its_row_buttons_act_in_place(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server)
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
    assert nothing_cut_off_in_the_list(page)
    marked = page.locator("#result_list tbody tr", has=page.locator(".likely-spam"))
    assert marked.count() == 1
    assert "Compra ora!" in marked.inner_text()
    assert counts(page) == {
        "all": "(3)",
        "pending": "(3)",
        "approved": "(0)",
        "spam": "(0)",
        "trash": "(0)",
    }

    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.get_by_role("button", name="Approva").click()
    expect(page.locator("#queue-messages")).to_contain_text("spostato in Approvato")
    question.refresh_from_db()
    assert question.status == Status.APPROVED
    # "All" lists approved comments: the row stays, with its new status and buttons.
    expect(row.locator(".field-spam_score_mark")).to_contain_text("Approvato")
    expect(row.get_by_role("button", name="Revoca approvazione")).to_be_visible()
    assert counts(page)["pending"] == "(2)"
    assert counts(page)["approved"] == "(1)"
    sidebar = page.locator("#changelist-filter [data-status-count='pending']")
    assert sidebar.text_content() == "(2)"
    # The admin menu's count (the app list in the navigation sidebar) follows too.
    assert page.locator("#nav-sidebar .moderation-badge").text_content() == "(2)"

    row = page.locator("#result_list tbody tr", has_text="Compra ora!")
    row.get_by_role("button", name="Spam").click()
    expect(page.locator("#result_list tbody tr", has_text="Compra ora!")).to_have_count(0)
    likely_spam.refresh_from_db()
    assert likely_spam.status == Status.SPAM
    assert counts(page)["spam"] == "(1)"
    assert counts(page)["all"] == "(2)"
    assert still_the_same_page(page)


@pytest.mark.django_db(transaction=True)
def test_long_links_names_and_addresses_leave_the_row_buttons_in_view(live_server, page, post):
    fill_queue(post)
    make_comment(
        post=post,
        author_name="Nomelunghissimosenzaspazichenonfiniscemaiperdavvero",
        author_email="un.indirizzo.molto.lungo.per.davvero@un-dominio-lunghissimo.example",
        body="Guardate https://example.com/un/percorso/molto/lungo/senza/spazi/che/non/finisce",
    )
    sign_in(page, live_server)
    open_queue(page, live_server)
    assert nothing_cut_off_in_the_list(page)


@pytest.mark.django_db(transaction=True)
def test_keyboard_shortcuts_act_on_the_current_row_in_place(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server, "?status=pending")
    rows = page.locator("#result_list tbody tr")
    ids = [
        int(rows.nth(i).locator("input[name=_selected_action]").get_attribute("value"))
        for i in range(3)
    ]
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("j")  # the second row
    assert "queue-current" in (rows.nth(1).get_attribute("class") or "")
    page.keyboard.press("t")
    expect(rows).to_have_count(2)
    assert Comment.objects.get(pk=ids[1]).status == Status.TRASH
    # The next row takes the place of the one that left the pending view.
    expect(rows.nth(1)).to_have_class("queue-current")
    page.keyboard.press("a")
    expect(rows).to_have_count(1)
    assert Comment.objects.get(pk=ids[2]).status == Status.APPROVED
    expect(rows.nth(0)).to_have_class("queue-current")
    assert still_the_same_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_quick_reply_opens_under_the_row_approves_and_stays_in_the_queue(
    live_server, page, post
):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server)
    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.locator(".field-submitted").click()
    page.keyboard.press("r")
    body = page.get_by_role("textbox", name="La tua risposta")
    expect(body).to_be_focused()
    # Typing in the reply is never taken for a shortcut.
    body.type("Sì: dal sito, in due clic. Grazie!")
    assert Comment.objects.get(pk=question.pk).status == Status.PENDING
    # Escape closes it, r opens it again, empty.
    body.press("Escape")
    expect(page.locator("tr.queue-reply")).to_have_count(0)
    page.keyboard.press("r")
    body = page.get_by_role("textbox", name="La tua risposta")
    body.fill("Sì: dal sito, in due clic.")
    body.press("Control+Enter")
    expect(page.locator("#queue-messages")).to_contain_text(
        "Il commento è approvato e la tua risposta è pubblicata."
    )
    expect(page.locator("tr.queue-reply")).to_have_count(0)
    expect(row.locator(".field-spam_score_mark")).to_contain_text("Approvato")
    reply = Comment.objects.get(parent=question)
    assert reply.body == "Sì: dal sito, in due clic."
    assert reply.status == Status.APPROVED
    assert Comment.objects.get(pk=question.pk).status == Status.APPROVED
    assert still_the_same_page(page)


@pytest.mark.django_db(transaction=True)
def test_an_empty_quick_reply_is_refused_in_place(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server)
    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.get_by_role("link", name="Approva e rispondi").click()
    body = page.get_by_role("textbox", name="La tua risposta")
    body.fill("   ")  # passes the browser's `required`, refused by the server
    page.get_by_role("button", name="Approva e rispondi").click()
    expect(page.locator(".quick-reply-error")).to_have_text("Questo campo è obbligatorio.")
    assert not Comment.objects.filter(parent=question).exists()
    assert Comment.objects.get(pk=question.pk).status == Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_buttons_and_the_reply_page_still_work(live_server, browser, post):
    likely_spam, question, thanks = fill_queue(post)
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    page = context.new_page()
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/comments/comment/?status=pending")
    row = page.locator("#result_list tbody tr", has_text="Grazie, articolo")
    row.get_by_role("button", name="Approva").click()
    expect(page.locator(".messagelist")).to_contain_text("spostato in Approvato")
    assert page.url.endswith("/admin/comments/comment/?status=pending")
    assert Comment.objects.get(pk=thanks.pk).status == Status.APPROVED

    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.get_by_role("link", name="Approva e rispondi").click()
    page.get_by_role("textbox", name="Rispondi").fill("Dal sito.")
    page.get_by_role("button", name="Approva e rispondi").click()
    expect(page.locator(".messagelist")).to_contain_text("la tua risposta è pubblicata")
    assert page.url.endswith("/admin/comments/comment/?status=pending")
    assert Comment.objects.get(parent=question).body == "Dal sito."
    context.close()


@pytest.mark.django_db(transaction=True)
def test_the_queue_with_a_quick_reply_open_has_no_axe_violations(live_server, page, post):
    fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server)
    page.locator("#result_list tbody tr").nth(1).get_by_role(
        "link", name="Approva e rispondi"
    ).click()
    page.get_by_role("textbox", name="La tua risposta").wait_for()
    page.evaluate(AXE_JS.read_text())  # not a <script> tag: the CSP would refuse it
    found = page.evaluate("async () => (await axe.run()).violations")
    assert [
        (v["id"], [(n["target"], n["any"][0]["message"] if n["any"] else "") for n in v["nodes"]])
        for v in found
    ] == []


@pytest.mark.django_db(transaction=True)
def test_the_queue_in_the_dark_theme_reads_with_enough_contrast(live_server, page, post):
    fill_queue(post)
    page.emulate_media(color_scheme="dark")
    sign_in(page, live_server)
    open_queue(page, live_server)
    page.evaluate(AXE_JS.read_text())
    found = page.evaluate(
        "async () => (await axe.run({exclude: ['.breadcrumbs']}, "
        "{runOnly: ['color-contrast']})).violations"
    )
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == []


@pytest.mark.django_db(transaction=True)
def test_the_reply_page_has_no_axe_violations(live_server, page, post):
    _likely_spam, question, _thanks = fill_queue(post)
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/comments/comment/{question.pk}/reply/")
    page.evaluate(AXE_JS.read_text())
    # Django's own breadcrumbs fail link-in-text-block on every admin page: not ours to judge.
    found = page.evaluate("async () => (await axe.run({exclude: ['.breadcrumbs']})).violations")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == []


@pytest.mark.django_db(transaction=True)
def test_restore_from_the_trash_view_acts_in_place(live_server, page, post):
    trashed = make_comment(post=post, status=Status.TRASH, body="Finito nel cestino per sbaglio.")
    make_comment(post=post, status=Status.TRASH)
    sign_in(page, live_server)
    open_queue(page, live_server, "?status=trash")
    row = page.locator("#result_list tbody tr", has_text="per sbaglio")
    row.get_by_role("button", name="Ripristina").click()
    expect(page.locator("#result_list tbody tr", has_text="per sbaglio")).to_have_count(0)
    assert Comment.objects.get(pk=trashed.pk).status == Status.PENDING
    assert counts(page)["trash"] == "(1)"
    assert counts(page)["pending"] == "(1)"
    assert still_the_same_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_quick_reply_keeps_its_text_while_other_rows_are_moderated(live_server, page, post):
    likely_spam, question, thanks = fill_queue(post)
    sign_in(page, live_server)
    open_queue(page, live_server)
    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    row.get_by_role("link", name="Approva e rispondi").click()
    page.get_by_role("textbox", name="La tua risposta").fill("Una risposta a metà")
    spam_row = page.locator("#result_list tbody tr", has_text="Compra ora!")
    spam_row.get_by_role("button", name="Spam").click()
    expect(page.locator("#result_list tbody tr", has_text="Compra ora!")).to_have_count(0)
    expect(page.get_by_role("textbox", name="La tua risposta")).to_have_value(
        "Una risposta a metà"
    )
    row.locator(".field-submitted").click()
    page.keyboard.press("r")  # the same row: the open reply keeps its text
    expect(page.get_by_role("textbox", name="La tua risposta")).to_have_value(
        "Una risposta a metà"
    )
