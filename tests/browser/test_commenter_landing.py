"""A commenter lands on their own comment, in view and with its state, with JavaScript on or
off, on a wide screen and a phone, whether the comment is held or the filter sent it to spam."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.test_reader_comments import fill_guest_form
from tests.comments.reader_helpers import make_comment
from tests.conftest import make_post, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"wide": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
LONG_BODY = "\n\n".join(
    f"Paragrafo {n}: un articolo lungo, perché il modulo dei commenti sia lontano dall'inizio."
    for n in range(1, 30)
)


@pytest.fixture
def long_post(settings):
    # The page cache on, as in production: the commenter must not get the strangers' copy.
    settings.PAGE_CACHE_ENABLED = True
    post = make_post(
        author=make_user(username="mrossi"), title="Un articolo lungo", body=LONG_BODY
    )
    for n in range(6):
        make_comment(post, author_name=f"Lettore {n}", body="Un commento già pubblicato.")
    return post


def comment_and_land(browser, live_server, post, *, javascript, screen, body):
    context = browser.new_context(
        java_script_enabled=javascript, locale="it-IT", viewport=SCREENS[screen]
    )
    page = context.new_page()
    page.goto(live_server.url + post.get_absolute_url())
    fill_guest_form(page, body=body)
    page.get_by_role("button", name="Pubblica il commento").click()
    return context, page


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_held_comment_is_in_view_with_its_state(
    browser, live_server, long_post, javascript, screen
):
    context, page = comment_and_land(
        browser, live_server, long_post, javascript=javascript, screen=screen,
        body="Mi ritrovo molto in questo articolo.",
    )  # fmt: skip
    try:
        comment = Comment.objects.get(body="Mi ritrovo molto in questo articolo.")
        expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
        page.wait_for_load_state("load")
        # There at once, not on a smooth trip from the top that may stop halfway.
        top = page.evaluate("document.querySelector(location.hash).getBoundingClientRect().top")
        assert -1 <= top < SCREENS[screen]["height"] / 2, top
        mine = page.locator(f"#comment-{comment.pk}")
        expect(mine).to_be_in_viewport()
        expect(mine).to_contain_text("Il tuo commento è in attesa di moderazione.")
        expect(page.locator("#comments")).to_contain_text(
            "Grazie: il tuo commento è in attesa di moderazione."
        )
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_comment_the_filter_sent_to_spam_is_in_view_awaiting_moderation(
    browser, live_server, long_post, javascript
):
    body = "Offerta imperdibile, clicca qui: https://cheap-pills.example/buy"
    context, page = comment_and_land(
        browser, live_server, long_post, javascript=javascript, screen="phone", body=body
    )
    try:
        comment = Comment.objects.get(body=body)
        assert comment.status == Comment.Status.SPAM
        mine = page.locator(f"#comment-{comment.pk}")
        expect(mine).to_be_in_viewport()
        expect(mine).to_contain_text("Il tuo commento è in attesa di moderazione.")
    finally:
        context.close()
