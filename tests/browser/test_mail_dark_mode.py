"""A real e-mail (a reply notification) rendered by Chromium: readable on a dark system, by
its dark block, and on a light one, by its inline colours."""

import pytest

from tests.browser.test_dark_theme import contrast, luminance
from tests.comments.test_mail_dark_mode import reply_mail_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

COLOURS = """() => {
    const style = (selector, property) =>
        getComputedStyle(document.querySelector(selector))[property];
    return {
        background: style("body", "backgroundColor"),
        text: style("body", "color"),
        link: style("a", "color"),
        muted: style(".email-muted", "color"),
        quote: style(".email-quote", "color"),
    };
}"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_reply_mail_reads_well_in_each_scheme(
    page, post, django_capture_on_commit_callbacks, scheme
):
    page.set_content(reply_mail_html(post, django_capture_on_commit_callbacks))
    page.emulate_media(color_scheme=scheme)
    colours = page.evaluate(COLOURS)
    background = colours.pop("background")
    assert (luminance(background) < 0.05) == (scheme == "dark")
    ratios = {name: round(contrast(colour, background), 1) for name, colour in colours.items()}
    assert {name: ratio for name, ratio in ratios.items() if ratio < 4.5} == {}
