"""A reader's choice of language is remembered on the next visit; the switcher follows the
article's real translation."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.conftest import make_post, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def translated():
    author = make_user(username="gbianchi", first_name="Giulia", last_name="Bianchi")
    key = uuid.uuid4()
    italian = make_post(author=author, title="Rispondere ai reclami", translation_key=key)
    english = make_post(
        author=author, title="Answering complaints", language="en", translation_key=key
    )
    return {"it": italian, "en": english}


def test_the_reader_who_chose_english_gets_english_on_the_next_visit(
    live_server, page, translated
):
    page.goto(live_server.url + translated["it"].get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "it")
    page.get_by_role("navigation", name="Lingua").get_by_role("link", name="English").click()
    # The switcher leads to the translation, not to the Italian article under /en/.
    expect(page).to_have_url(re.compile(r"/en/articles/" + translated["en"].slug + "/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Answering complaints")

    page.goto(live_server.url + "/")  # a later visit, typing the address
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Answering complaints")).to_be_visible()
    expect(page.get_by_role("link", name="Rispondere ai reclami")).to_have_count(0)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Italiano").click()
    page.goto(live_server.url + "/")
    expect(page).to_have_url(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "it")


def test_an_english_browser_lands_on_the_english_home_unless_it_chose_italian(
    live_server, browser, translated
):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Italiano").click()
    expect(page).to_have_url(live_server.url + "/")
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    context.close()
