"""A protected article in Chromium: the form is reachable and named, passes axe in both
colour schemes at phone and desktop widths, and the keyboard alone opens the article."""

import pytest

from tests.browser.test_accessibility import violations, violations_here
from tests.conftest import make_post, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def protected():
    author = make_user(username="grossi", first_name="Giulia", last_name="Rossi")
    return make_post(
        author=author,
        title="Il verbale della riunione",
        body="Testo riservato ai soci.",
        password="apriti sesamo",
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_locked_article_passes_axe(live_server, page, protected, scheme, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    url = live_server.url + protected.get_absolute_url()
    assert violations(page, url) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_keyboard_opens_it_and_a_wrong_password_says_so(live_server, page, protected):
    page.goto(live_server.url + protected.get_absolute_url())
    assert page.get_by_text("Testo riservato ai soci.").count() == 0
    field = page.get_by_role("textbox", name="Password")
    field.focus()
    page.keyboard.type("sbagliata")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Non è la password: riprova.").is_visible()
    assert page.url.endswith("#password-form")
    assert violations_here(page) == []

    page.get_by_role("textbox", name="Password").focus()
    page.keyboard.type("apriti sesamo")
    page.keyboard.press("Enter")
    page.get_by_text("Testo riservato ai soci.").wait_for()
    assert page.locator("#password-form").count() == 0
    assert page.locator("#respond").count() == 1  # its comments open with it
