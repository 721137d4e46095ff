"""The moderation queue on a 375 x 740 phone, in Chromium: each comment is a block, nothing
is off to the right (in the page or in the list's own box), and the row buttons are in view
and act in place, as the keys do."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.test_moderation_queue import (
    fill_queue,
    nothing_cut_off_in_the_list,
    open_queue,
    sign_in,
    still_the_same_page,
)
from tests.comments.moderation_factories import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Status = Comment.Status
PHONE = {"width": 375, "height": 740}
LONG_LINK = "https://www.example.com/un/percorso/molto/lungo/senza/spazi/" + "x" * 60


def fill_queue_with_long_words(post):
    comments = fill_queue(post)
    make_comment(
        post=post,
        author_name="Nomelunghissimosenzaspazichenonfiniscemaiperdavvero",
        author_email="un.indirizzo.molto.lungo.per.davvero@un-dominio-lunghissimo.example",
        author_url=LONG_LINK,
        body=f"Guardate {LONG_LINK} e ditemi",
        spam_score=0.7,
        spam_reasons=[
            {"check": "links", "score": 0.6, "message": f"Link verso {LONG_LINK}"},
            {"check": "terms", "score": 0.4, "message": "Termine bloccato: «" + "y" * 70 + "»"},
        ],
    )
    return comments


def right_edges(page, selector):
    return page.evaluate(
        f"[...document.querySelectorAll({selector!r})]"
        ".map(element => element.getBoundingClientRect().right)"
    )


def test_the_queue_fits_a_phone_and_its_buttons_act_in_place(live_server, page, post):
    _likely_spam, question, _thanks = fill_queue_with_long_words(post)
    sign_in(page, live_server)
    page.set_viewport_size(PHONE)
    open_queue(page, live_server)

    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert nothing_cut_off_in_the_list(page)
    buttons = right_edges(page, "#result_list .queue-action")
    assert len(buttons) == 4 * 4  # approve, spam, trash, reply on each held comment
    assert max(buttons) <= 375

    row = page.locator("#result_list tbody tr", has_text="Come gestite i resi")
    approve = row.get_by_role("button", name="Approva")
    approve.scroll_into_view_if_needed()  # down the page: the queue scrolls down only
    expect(approve).to_be_in_viewport(ratio=1)
    approve.click()
    expect(page.locator("#queue-messages")).to_contain_text("spostato in Approvato")
    question.refresh_from_db()
    assert question.status == Status.APPROVED
    expect(row.get_by_role("button", name="Revoca approvazione")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert still_the_same_page(page)


def test_on_a_phone_the_keys_still_act_on_the_current_row(live_server, page, post):
    fill_queue(post)
    sign_in(page, live_server)
    page.set_viewport_size(PHONE)
    open_queue(page, live_server, "?status=pending")
    rows = page.locator("#result_list tbody tr")
    second = int(rows.nth(1).locator("input[name=_selected_action]").get_attribute("value"))

    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(rows.nth(1)).to_have_class("queue-current")
    page.keyboard.press("t")

    expect(rows).to_have_count(2)
    assert Comment.objects.get(pk=second).status == Status.TRASH
    assert still_the_same_page(page)
