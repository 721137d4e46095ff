"""On a 375 px phone the reader's pages scroll down only: nothing sticks out to the right."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import article  # noqa: F401 (fixture)
from tests.comments.reader_helpers import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", ["/", "/tag/", "/autori/", "/archivio/", "/privacy/"])
def test_a_page_is_no_wider_than_a_phone(live_server, page, article, path, prefix):  # noqa: F811
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + prefix + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_a_commenter_s_long_unbroken_name_stays_within_a_phone(live_server, page, article):  # noqa: F811
    make_comment(
        article,
        author_name="Nomelunghissimosenzaspazichenonfiniscemai",
        author_url="https://example.com/",
    )
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + article.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # Answering it names it above the form ("Leave a reply to ...").
    page.get_by_role("link", name="Rispondi a Nomelunghissimo", exact=False).click()
    expect(page.locator("#reply-to-name")).to_contain_text("Nomelunghissimo")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_comment_s_long_code_line_scrolls_in_its_own_box(live_server, page, article):  # noqa: F811
    line = "df = pd.read_csv('https://example.com/dati/un-nome-lunghissimo.csv', sep=';')"
    make_comment(article, body=f"Perché questo non va?\n\n```\n{line}\n    print(df)\n```")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + article.get_absolute_url())
    code = page.locator(".comment-content pre")
    expect(code).to_contain_text(line)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # The line is whole, indentation included, in a box the reader scrolls sideways.
    assert code.evaluate("e => e.scrollWidth > e.clientWidth")
    assert "\n    print(df)" in code.inner_text()
