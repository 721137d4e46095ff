"""A comment body renders as Django's urlize (with autoescape) and linebreaks would render
it: the shortcut for words that cannot be links changes nothing a reader sees."""

import pytest
from django.utils.html import linebreaks, urlize

from comments.text import render_comment_body

BODIES = [
    "Commento numero 3: grazie, molto utile per il nostro servizio.",
    "Vedi https://example.com/a?b=1&c=<2> e www.esempio.org, scrivi a ada@example.it.",
    "javascript:alert(1) <script>alert(2)</script> 'apici' \"virgolette\" & soci",
    '<a href="javascript:alert(1)" onclick="x()">clic</a>',
    "(http://example.com/x). [www.example.net/y], HTTP://EXAMPLE.COM/Z",
    "EXAMPLE.COM/percorso, example.org. e.com: foo.organic, a.b.net.",
    "ftp://example.it mailto:ada@example.it ada@ data:text/html,<b>x</b>",
    "Primo paragrafo.\n\nSecondo\nsu due righe.\r\n\r\nTerzo",
    "",
]


@pytest.mark.parametrize("body", BODIES)
def test_a_body_renders_as_urlize_and_linebreaks_render_it(body):
    linked = urlize(body, nofollow=False, autoescape=True)
    expected = linebreaks(linked.replace("<a href=", '<a rel="nofollow ugc" href='))
    assert render_comment_body(body) == expected


def test_no_markup_or_script_link_of_the_commenter_survives():
    html = render_comment_body('<a href="javascript:alert(1)" onclick="x()">clic</a> example.com')
    assert "<a href" not in html and 'onclick="' not in html and "<script" not in html
    assert 'href="javascript' not in html
    assert '<a rel="nofollow ugc" href="http://example.com">example.com</a>' in html
