"""The reactions row in Chromium: with JavaScript (no reload) and without (form post)."""

import re

import pytest
from playwright.sync_api import expect

from posts.reactions.models import Reaction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def useful_button(page):
    return page.locator("#reactions button[data-kind=useful]")


def test_with_javascript_a_click_updates_the_count_in_place(live_server, page, post):
    page.goto(live_server.url + post.get_absolute_url())
    expect(page.locator("#reactions[data-enhanced=true]")).to_be_attached()
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.evaluate("window.__sameDocument = true")

    useful_button(page).click()

    expect(useful_button(page).locator("[data-count]")).to_have_text("1")
    expect(useful_button(page)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#reactions [role=status]")).to_contain_text("Utile")
    assert page.evaluate("window.__sameDocument") is True
    assert navigations == []
    assert Reaction.objects.get(post=post).kind.code == "useful"

    # Reload: the choice is remembered through the signed cookie.
    page.reload()
    expect(useful_button(page)).to_have_attribute("aria-pressed", "true")
    expect(useful_button(page).locator("[data-count]")).to_have_text("1")

    # Clicking it again takes the reaction back, still without a reload.
    useful_button(page).click()
    expect(useful_button(page)).to_have_attribute("aria-pressed", "false")
    expect(useful_button(page).locator("[data-count]")).to_have_text("0")
    assert not Reaction.objects.exists()


def test_without_javascript_the_form_posts_and_comes_back_to_the_row(live_server, browser, post):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + post.get_absolute_url())
        page.locator("#reactions button[data-kind=love]").click()
        page.wait_for_url("**#reactions")

        love = page.locator("#reactions button[data-kind=love]")
        expect(love).to_have_attribute("aria-pressed", "true")
        expect(love.locator("[data-count]")).to_have_text("1")
        expect(page.locator("#reactions [role=status]")).to_contain_text("Mi piace")

        page.reload()
        expect(love).to_have_attribute("aria-pressed", "true")
        assert Reaction.objects.get(post=post).kind.code == "love"
    finally:
        context.close()


def test_the_script_corrects_a_stale_cached_row_from_the_state_endpoint(live_server, page, post):
    page.goto(live_server.url + post.get_absolute_url())
    useful_button(page).click()
    expect(useful_button(page)).to_have_attribute("aria-pressed", "true")
    # Serve this reader a copy of the page as a shared cache would: nothing pressed, no
    # counts. The script must restore their own state.
    stale = page.content().replace('aria-pressed="true"', 'aria-pressed="false"')
    stale = stale.replace('data-enhanced="true"', "")
    stale = re.sub(r'(data-count="">)\d+', r"\g<1>0", stale)
    assert 'data-count="">1' not in stale
    page.route(
        live_server.url + post.get_absolute_url(),
        lambda route: route.fulfill(status=200, content_type="text/html", body=stale),
    )
    page.reload()
    expect(useful_button(page)).to_have_attribute("aria-pressed", "true")
    expect(useful_button(page).locator("[data-count]")).to_have_text("1")


def test_the_keyboard_can_react(live_server, page, post):
    page.goto(live_server.url + post.get_absolute_url())
    expect(page.locator("#reactions[data-enhanced=true]")).to_be_attached()
    useful_button(page).focus()
    page.keyboard.press("Enter")
    expect(useful_button(page)).to_have_attribute("aria-pressed", "true")
    expect(useful_button(page)).to_be_focused()


def test_the_row_passes_an_axe_audit_before_and_after_a_vote(live_server, page, post):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.goto(live_server.url + post.get_absolute_url())
    expect(page.locator("#reactions[data-enhanced=true]")).to_be_attached()
    assert axe.run(page, context="#reactions").response["violations"] == []
    useful_button(page).click()
    expect(useful_button(page)).to_have_attribute("aria-pressed", "true")
    assert axe.run(page, context="#reactions").response["violations"] == []
