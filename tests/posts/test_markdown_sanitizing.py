"""Nothing an author writes can run script in a reader's browser."""

import re
from html.parser import HTMLParser

import pytest

from posts.markup import plain_text, reading_minutes, render_html, render_markdown
from tests.conftest import make_post

XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="javascript:alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="x" onclick="alert(1)">x</a>',
    '<a href="x" onmouseover=alert(1)>x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<div onfocus=alert(1) autofocus tabindex=0>x</div>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<input onfocus=alert(1) autofocus>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    "<style>@import 'javascript:alert(1)';</style>",
    "<!--<script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](<javascript:alert(1)>)",
    "![img](javascript:alert(1))",
    '![img](x "title" onerror=alert(1))',
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    'Paragraph\n{: onclick="alert(1)" }',
    '# Heading {: onclick="alert(1)" }',
    '[x](http://example.com "sponsor" onclick=alert(1))',
    '<a title="sponsor" href="javascript:alert(1)" onclick="alert(1)">x</a>',
    '<a title=\'"><script>alert(1)</script>\' href="https://example.com">x</a>',
    "```\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
]

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "style", "form", "input", "button",
    "meta", "base", "link", "body", "details",
}  # fmt: skip
SAFE_URL = re.compile(r"^(https?:|mailto:|/|#|\?|[^:]*$)", re.IGNORECASE)


class _Elements(HTMLParser):
    """Collect every element and attribute as a browser would parse them."""

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


@pytest.mark.parametrize("source", XSS_VECTORS)
def test_no_script_event_handler_or_script_url_survives_rendering(source):
    html = render_markdown(source)
    elements = _Elements(html).elements
    tags = {tag for tag, _attrs in elements}
    assert not tags & FORBIDDEN_TAGS, html
    for _tag, attrs in elements:
        assert not [name for name in attrs if name.startswith("on")], html
        assert "style" not in attrs, html
        for name in ("href", "src", "action", "data", "formaction"):
            if attrs.get(name) is not None:
                assert SAFE_URL.match(attrs[name].strip()), html


def test_code_samples_show_markup_as_text():
    html = render_markdown("```\n<script>alert(1)</script>\n```")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_ordinary_markdown_keeps_its_formatting():
    html = render_markdown(
        "Un **reso** _gestito_ bene.\n\n- uno\n- due\n\n> citazione\n\n"
        '[Guida](https://example.com/guida "La guida")\n\n![Un pacco](/media/pacco.jpg)'
    )
    assert "<strong>reso</strong>" in html
    assert "<em>gestito</em>" in html
    assert "<li>uno</li>" in html
    assert "<blockquote>" in html
    assert '<a href="https://example.com/guida" title="La guida">Guida</a>' in html
    assert '<img alt="Un pacco" src="/media/pacco.jpg">' in html


def test_text_level_markup_of_imported_html_keeps_its_meaning():
    # A WordPress body pasted from elsewhere: <b>, <i>, <u>, quotations, keys to press.
    source = (
        "<p><b>Nota</b>: <i>sempre</i> <u>prima</u> <q>il cliente</q> (<cite>Manuale</cite>); "
        "premi <kbd>Ctrl</kbd>+<kbd>S</kbd>, <small>IVA inclusa</small>.</p>"
        "<table><caption>Tempi</caption><tfoot><tr><td>Totale</td></tr></tfoot></table>"
        '<b onclick="alert(1)" style="color:red">x</b>'
    )
    html = render_html(source)
    for kept in (
        "<b>Nota</b>", "<i>sempre</i>", "<u>prima</u>", "<q>il cliente</q>",
        "<cite>Manuale</cite>", "<kbd>Ctrl</kbd>", "<small>IVA inclusa</small>",
        "<caption>Tempi</caption>", "<tfoot>",
    ):  # fmt: skip
        assert kept in html
    assert "<b>x</b>" in html and "onclick" not in html and "style" not in html


def test_headings_in_the_body_start_below_the_article_title():
    html = render_markdown("# Primo\n\n## Secondo")
    assert "<h1" not in html
    assert "<h2>Primo</h2>" in html
    assert "<h3>Secondo</h3>" in html


def test_body_headings_keep_their_order_whatever_level_the_author_starts_at():
    html = render_markdown("## Sezione\n\n### Sotto\n\n## Altra")
    assert html.count("<h2>") == 2
    assert "<h3>Sotto</h3>" in html


@pytest.mark.django_db
def test_a_saved_post_stores_sanitized_html_and_reading_time(author):
    post = make_post(author=author, body="<script>alert(1)</script>" + " parola" * 450)
    assert "<script" not in post.body_html
    assert post.reading_time == 2


def test_reading_time_is_at_least_one_minute():
    assert reading_minutes("") == 1
    assert reading_minutes("parola " * 1000) == 5


def test_plain_text_drops_markup_and_keeps_words():
    assert plain_text("# Ciao & **te**\n\n<b>x</b>") == "Ciao & te x"
