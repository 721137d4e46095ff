"""A refused comment lands on the form, its error summary focused, the text kept; in Chromium."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_too_long_comment_lands_on_the_form_with_the_summary_focused_and_the_text_kept(
    live_server, page, post, settings
):
    settings.COMMENTS_MAX_LENGTH = 50
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + post.get_absolute_url())
    body = page.get_by_role("textbox", name="Commento")
    counter = page.locator("#comment-counter")
    body.fill("x" * 30)
    expect(counter).to_be_hidden()
    text = "Un testo troppo lungo per il limite di questo sito, davvero."
    body.fill(text)
    expect(counter).to_be_visible()
    expect(counter).to_contain_text(f"{len(text)} di 50 caratteri")
    assert body.input_value() == text  # nothing cut while typing or pasting
    page.get_by_role("textbox", name="Nome").fill("Giulia")
    page.get_by_role("textbox", name="Email", exact=True).fill("giulia@example.com")
    page.get_by_role("button", name="Pubblica il commento").click()

    summary = page.locator("#comment-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(f"{len(text)} caratteri; il limite è 50")
    expect(summary).to_be_in_viewport()
    # The top of the page is out of view: the reader sees the form, not the header.
    assert page.evaluate("window.scrollY") > 0
    assert page.get_by_role("textbox", name="Commento").input_value() == text
    assert not Comment.objects.exists()

    # Opening the same address again never answers 405: it leads to the article's form.
    response = page.goto(page.url.split("#")[0])
    assert response.status == 200
    assert page.url.endswith(post.get_absolute_url() + "#respond")


def test_a_bad_email_refused_by_the_server_keeps_the_text(live_server, page, post):
    page.goto(live_server.url + post.get_absolute_url())
    # The browser's own check would stop "a@b"; the server's stricter one refuses it.
    page.get_by_role("textbox", name="Commento").fill("Il mio commento, da non perdere.")
    page.get_by_role("textbox", name="Nome").fill("Giulia")
    page.get_by_role("textbox", name="Email", exact=True).fill("giulia@esempio")
    page.get_by_role("button", name="Pubblica il commento").click()
    summary = page.locator("#comment-errors")
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(page.get_by_role("textbox", name="Email", exact=True)).to_be_focused()
    assert (
        page.get_by_role("textbox", name="Commento").input_value()
        == "Il mio commento, da non perdere."
    )
