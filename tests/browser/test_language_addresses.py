"""In Chromium, an English reader moves through English addresses only, and an Italian
address typed under /en/ ends on the English page; the Italian side keeps its words."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from posts.services import create_category
from tests.conftest import make_post, make_tag, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"wide": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}


@pytest.fixture
def site():
    author = make_user(username="gbianchi", first_name="Giulia", last_name="Bianchi")
    key = uuid.uuid4()
    tag_key = uuid.uuid4()
    tag_it = make_tag(name="reclami", slug="reclami", translation_key=tag_key)
    tag_en = make_tag(name="complaints", slug="complaints", language="en", translation_key=tag_key)
    italian = make_post(
        author=author,
        title="Rispondere ai reclami",
        slug="rispondere-ai-reclami",
        tags=[tag_it],
        translation_key=key,
    )
    english = make_post(
        author=author,
        title="Answering complaints",
        slug="answering-complaints",
        language="en",
        tags=[tag_en],
        translation_key=key,
    )
    italian.categories.add(create_category(name="Assistenza", slug="assistenza"))
    english.categories.add(create_category(name="Support", slug="support", language="en"))
    return {"it": italian, "en": english}


def english_page(browser, screen):
    return browser.new_context(locale="en-GB", viewport=SCREENS[screen])


@pytest.mark.parametrize("screen", SCREENS)
def test_an_english_reader_sees_english_addresses_only(browser, live_server, site, screen):
    context = english_page(browser, screen)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        expect(page).to_have_url(re.compile(r"/en/$"))
        page.get_by_role("link", name="Answering complaints").first.click()
        expect(page).to_have_url(re.compile(r"/en/articles/answering-complaints/$"))
        page.get_by_role("link", name="complaints", exact=True).first.click()
        expect(page).to_have_url(re.compile(r"/en/tag/complaints/$"))
        for name, address in [
            ("Most appreciated", "/en/most-liked/"),
            ("Categories", "/en/categories/"),
            ("Authors", "/en/authors/"),
            ("Full archive", "/en/archive/"),
        ]:
            page.get_by_role("link", name=name, exact=True).first.click()
            expect(page).to_have_url(re.compile(re.escape(address) + "$"))
            expect(page.locator("html")).to_have_attribute("lang", "en")
        page.get_by_role("searchbox", name="Search the articles").fill("complaint")
        page.get_by_role("button", name="Search", exact=True).click()
        expect(page).to_have_url(re.compile(r"/en/search/\?q=complaint$"))
        expect(page.get_by_role("link", name="Answering complaints")).to_be_visible()
    finally:
        context.close()


def test_italian_words_under_en_end_on_the_english_page(browser, live_server, site):
    context = english_page(browser, "phone")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/en/cerca/?q=complaint")
        expect(page).to_have_url(re.compile(r"/en/search/\?q=complaint$"))
        expect(page.get_by_role("link", name="Answering complaints")).to_be_visible()
        # An Italian article's address under /en/: its English translation.
        page.goto(live_server.url + "/en" + site["it"].get_absolute_url())
        expect(page).to_have_url(re.compile(r"/en/articles/answering-complaints/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Answering complaints")
        page.goto(live_server.url + "/en/piu-apprezzati/")
        expect(page).to_have_url(re.compile(r"/en/most-liked/$"))
    finally:
        context.close()


def test_the_italian_side_keeps_its_words(live_server, page, site):
    page.goto(live_server.url + site["it"].get_absolute_url())
    expect(page).to_have_url(re.compile(r"/articoli/rispondere-ai-reclami/$"))
    page.get_by_role("link", name="Più apprezzati", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/piu-apprezzati/$"))
    page.goto(live_server.url + "/search/?q=reclami")  # English words at the root
    expect(page).to_have_url(re.compile(r"/cerca/\?q=reclami$"))
    expect(page.locator("html")).to_have_attribute("lang", "it")
