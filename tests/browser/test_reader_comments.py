"""Readers comment in a real Chromium against the live server."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from comments.models import Comment
from comments.services import moderate
from tests.comments.reader_helpers import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_guest_form(page, *, name="Giulia Bianchi", email="giulia@example.com", body):
    page.get_by_role("textbox", name="Commento").fill(body)
    page.get_by_role("textbox", name="Nome").fill(name)
    page.get_by_role("textbox", name="Email", exact=True).fill(email)


def test_a_guest_comment_awaits_moderation_then_appears_for_everyone(
    live_server, page, browser, post
):
    page.goto(live_server.url + post.get_absolute_url())
    fill_guest_form(page, body="Un commento dal browser.")
    page.get_by_role("button", name="Pubblica il commento").click()

    comment = Comment.objects.get()
    expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
    mine = page.locator(f"#comment-{comment.pk}")
    expect(mine).to_contain_text("Un commento dal browser.")
    expect(mine).to_contain_text("Il tuo commento è in attesa di moderazione.")

    other = browser.new_context()
    try:
        second = other.new_page()
        second.goto(live_server.url + post.get_absolute_url())
        expect(second.locator(f"#comment-{comment.pk}")).to_have_count(0)

        moderate(comment=comment, status=Comment.Status.APPROVED)

        second.reload()
        approved = second.locator(f"#comment-{comment.pk}")
        expect(approved).to_contain_text("Un commento dal browser.")
        expect(approved).not_to_contain_text("in attesa di moderazione")
        expect(second.locator("#comments-title")).to_have_text("1 commento")
    finally:
        other.close()


def test_reply_moves_the_form_under_the_comment_and_threads_the_answer(live_server, page, post):
    parent = make_comment(post, author_name="Maria Rossi", body="Che ne pensate?")
    page.goto(live_server.url + post.get_absolute_url())

    page.get_by_role("link", name="Rispondi a Maria Rossi").click()

    form = page.locator(f"#comment-{parent.pk} #respond")
    expect(form).to_be_visible()
    expect(page.locator("#reply-to-name")).to_have_text("a Maria Rossi")
    expect(page.get_by_role("textbox", name="Commento")).to_be_focused()
    assert "replyto" not in page.url  # moved in place, no reload
    expect(page.get_by_role("link", name="Annulla risposta")).to_be_visible()

    fill_guest_form(page, body="Io sono d'accordo.")
    page.get_by_role("button", name="Pubblica il commento").click()

    reply = Comment.objects.get(body="Io sono d'accordo.")
    assert reply.parent == parent
    expect(page.locator(f"#comment-{parent.pk} .children #comment-{reply.pk}")).to_be_visible()


def test_cancel_reply_puts_the_form_back(live_server, page, post):
    parent = make_comment(post, author_name="Maria Rossi")
    page.goto(live_server.url + post.get_absolute_url())
    page.get_by_role("link", name="Rispondi a Maria Rossi").click()
    page.get_by_role("link", name="Annulla risposta").click()

    expect(page.locator(f"#comment-{parent.pk} #respond")).to_have_count(0)
    assert page.locator("input[name=parent]").input_value() == ""


def test_a_signed_in_reader_comments_without_name_and_email(
    live_server, page, context, post, reader, settings
):
    # Playwright types in milliseconds; a person takes longer than the too-fast check allows.
    settings.SPAM_MIN_SUBMIT_SECONDS = 0
    make_comment(post, user=reader, author_name="reader")  # trusted: approved before
    client = Client()
    client.force_login(reader)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + post.get_absolute_url())

    expect(page.get_by_text("Accesso effettuato come reader.")).to_be_visible()
    expect(page.get_by_role("textbox", name="Nome")).to_have_count(0)
    page.get_by_role("textbox", name="Commento").fill("Da lettore registrato.")
    page.get_by_role("button", name="Pubblica il commento").click()

    comment = Comment.objects.get(body="Da lettore registrato.")
    assert comment.user == reader
    assert comment.status == Comment.Status.APPROVED
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("Da lettore registrato.")


def test_the_form_and_replies_work_with_javascript_disabled(live_server, browser, post):
    parent = make_comment(post, author_name="Maria Rossi")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + post.get_absolute_url())
        page.get_by_role("link", name="Rispondi a Maria Rossi").click()
        expect(page).to_have_url(re.compile(rf"\?replyto={parent.pk}#respond$"))
        expect(page.locator("#reply-to-name")).to_have_text("a Maria Rossi")

        fill_guest_form(page, body="Senza JavaScript.")
        page.get_by_role("button", name="Pubblica il commento").click()

        reply = Comment.objects.get(body="Senza JavaScript.")
        assert reply.parent == parent
        expect(page.locator(f"#comment-{reply.pk}")).to_contain_text(
            "Il tuo commento è in attesa di moderazione."
        )
    finally:
        context.close()


def test_invalid_input_in_the_browser_keeps_the_typed_text(live_server, page, post):
    page.goto(live_server.url + post.get_absolute_url())
    fill_guest_form(page, body="Testo da non perdere", email="giulia@example")
    # Skip the browser's own checks to reach the server's messages.
    page.locator("#commentform").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Pubblica il commento").click()

    expect(page.get_by_role("textbox", name="Commento")).to_have_value("Testo da non perdere")
    expect(page.locator("#id_email_error")).to_contain_text("indirizzo email valido")
    assert not Comment.objects.exists()


def test_the_comments_section_has_no_accessibility_violations(live_server, page, post, author):
    from axe_playwright_python.sync_playwright import Axe

    top = make_comment(post, author_name="Maria Rossi", user=author, author_url="https://a.it")
    make_comment(post, parent=top, body="Una risposta con https://example.org")
    page.goto(live_server.url + post.get_absolute_url())
    page.locator("#commentform").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Pubblica il commento").click()  # empty: show the errors
    expect(page.locator("#id_body_error")).to_be_visible()

    results = Axe().run(page, context="#comments")

    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("javascript", [True, False])
def test_code_typed_in_the_form_is_shown_as_code(live_server, browser, post, javascript):
    # The textarea sends "\r\n" line ends: fences typed in a real browser, with and without
    # the form's script, must read as code, indentation kept.
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(live_server.url + post.get_absolute_url())
        typed = "Non capisco:\n```\ndef f(x):\n    return x<1\n```\nGrazie!"
        fill_guest_form(page, body=typed)
        page.get_by_role("button", name="Pubblica il commento").click()
        comment = Comment.objects.get()
        expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
        code = page.locator(f"#comment-{comment.pk} pre code")
        expect(code).to_have_text("def f(x):\n    return x<1")
        expect(page.locator(f"#comment-{comment.pk}")).not_to_contain_text("```")
    finally:
        context.close()
