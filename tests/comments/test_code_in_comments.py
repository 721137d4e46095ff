"""Readers ask with code: between ``` lines it is shown as typed, `inline` as code.

A question with a traceback or a snippet lost its indentation and blank lines, and a
"<stdio.h>" or a URL in it was read as text to link; WordPress's commenters marked code
with <code>, which the move-in dropped. The form says how to write code.
"""

import textwrap

import pytest

from comments.text import render_comment_body
from tests.comments.reader_helpers import make_comment

SNIPPET = textwrap.dedent("""\
    import pandas as pd

    def load(path):
        if path.endswith(".csv"):  # https://pandas.pydata.org/docs/
            return pd.read_csv(path)
        raise ValueError(f"<{path}> non è un CSV")""")
QUESTION = f"""Ciao, seguendo l'articolo ottengo un errore:

```python
{SNIPPET}
```
Dove sbaglio? Ho provato anche `pd.read_table("a.csv")` come dice https://stackoverflow.com/q/1."""


def escaped(text):
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def test_fenced_code_is_shown_as_typed_and_the_prose_around_it_as_prose():
    html = render_comment_body(QUESTION)
    assert f'<pre tabindex="0"><code>{escaped(SNIPPET)}</code></pre>' in html
    assert html.startswith("<p>Ciao, seguendo l&#x27;articolo ottengo un errore:</p>")
    # Inside code nothing is linked; outside, links are as before.
    assert 'href="https://pandas' not in html
    assert '<a rel="nofollow ugc" href="https://stackoverflow.com/q/1">' in html
    assert "<code>pd.read_table(&quot;a.csv&quot;)</code>" in html
    assert "```" not in html and "python" not in html.split("<pre>")[0]


@pytest.mark.parametrize(
    "body",
    [
        "Chiuso mai:\n```\nprint('<b>')",  # a fence never closed
        "Un ` solo, e `` due vuoti.",
        "Apre `qui\ne chiude` sulla riga dopo.",
    ],
)
def test_what_is_not_code_stays_text_and_nothing_is_hidden(body):
    html = render_comment_body(body)
    assert "<pre" not in html
    assert "<b>" not in html
    words = body.replace("\n", " ").split()
    text = html.replace("<br>", " ").replace("&#x27;", "'").replace("&lt;", "<")
    for word in words:
        assert word.replace("&", "&amp;").replace(">", "&gt;") in text


def test_code_sent_by_a_browser_with_crlf_line_ends_is_code():
    # A form's textarea arrives with "\r\n" line ends: the walkthrough saw the fences and
    # the collapsed indentation on the page, in every browser.
    html = render_comment_body(QUESTION.replace("\n", "\r\n"))
    assert f'<pre tabindex="0"><code>{escaped(SNIPPET)}</code></pre>' in html
    assert "```" not in html and "\r" not in html


def test_inline_code_spans_as_in_markdown():
    html = render_comment_body("Tre ```inline``` e ``a ` b`` sulla stessa riga.")
    assert html == "<p>Tre <code>inline</code> e <code>a ` b</code> sulla stessa riga.</p>"


def test_code_cannot_close_its_own_markup():
    html = render_comment_body("~~~\n</code></pre><script>alert(1)</script>\n~~~\n`</code><img>`")
    assert "<script" not in html and "<img" not in html
    assert html.count("<pre ") == 1 and html.count("<code>") == 2


def test_the_form_says_how_to_write_code(client, post):
    make_comment(post, body=QUESTION)
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'aria-describedby="id_body_helptext"' in page
    assert '<p class="helptext" id="id_body_helptext">Per mostrare del codice' in page
    assert f'<pre tabindex="0"><code>{escaped(SNIPPET)}</code></pre>' in page
