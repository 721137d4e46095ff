"""On a 375 px phone the reader's pages scroll down only: nothing sticks out to the right."""

import pytest

from tests.browser.test_accessibility import article  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", ["/", "/tag/", "/autori/", "/archivio/", "/privacy/"])
def test_a_page_is_no_wider_than_a_phone(live_server, page, article, path, prefix):  # noqa: F811
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + prefix + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
