"""A reader opens the home page, follows an article, a tag, and switches to English."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import make_post, make_tag, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_content():
    author = make_user(username="grossi", first_name="Giulia", last_name="Rossi")
    tag = make_tag(name="servizio clienti", slug="servizio-clienti")
    other = make_tag(name="resi", slug="resi")
    older = make_post(author=author, tags=[tag], title="Rispondere ai reclami in 24 ore")
    newer = make_post(author=author, tags=[tag, other], title="Il reso che fidelizza")
    return {"tag": tag, "older": older, "newer": newer}


def test_a_reader_follows_an_article_a_tag_and_switches_language(live_server, page, site_content):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ultimi articoli")

    page.get_by_role("link", name="Il reso che fidelizza").click()
    expect(page).to_have_url(re.compile(r"/articoli/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Il reso che fidelizza")
    expect(page.get_by_role("heading", name="Condividi questo articolo")).to_be_visible()

    page.locator("article.post").get_by_role("link", name="servizio clienti").click()
    expect(page).to_have_url(re.compile(r"/tag/servizio-clienti/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Archivio del tag: servizio clienti")
    expect(page.locator("article.post-card")).to_have_count(2)

    # The tag has no English translation: the switcher leads to the English home.
    page.get_by_role("navigation", name="Lingua").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Latest articles")
    expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Italiano").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "it")


def test_the_copy_link_button_appears_with_javascript_and_reports_success(
    live_server, page, site_content, context
):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + site_content["older"].get_absolute_url())
    button = page.get_by_role("button", name="Copia link")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator("#share-status")).to_have_text("Link copiato.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(site_content["older"].get_absolute_url())


def test_the_skip_link_moves_focus_to_the_main_content(live_server, page, site_content):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Vai al contenuto")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
