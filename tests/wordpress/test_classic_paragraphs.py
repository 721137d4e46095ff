"""The classic editor's paragraphs read as WordPress showed them: text after a heading or a
list in the same chunk stayed bare, and a list typed on the line below a sentence went
inside that sentence's <p>; wpautop puts blank lines around every block tag first.
"""

from posts.models import Post
from wordpress.importer import run_import

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><link>https://oldblog.example.it</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version>
"""

ARTICLE = """Primo paragrafo.

Secondo paragrafo
su due righe.
<h3>Titolo</h3>
Terzo paragrafo.

Ecco cosa serve:
<ul>
	<li>uno</li>
	<li>due
<ul>
	<li>annidato</li>
</ul>
</li>
</ul>
Fine."""

CLOSING_ALONE = """<ul>
<li>voce</li>

</ul>
Dopo l'elenco."""

QUOTE_DIV_TABLE = """<blockquote>Una citazione
di due righe</blockquote>
<div class="nota">Testo nel riquadro</div>
<table>
<tr>
<td>a</td>
<td>b</td>
</tr>
</table>
Sotto la tabella."""


def body_of(tmp_path, content):
    path = tmp_path / "export.xml"
    path.write_text(
        HEAD + "<item><title>Voce</title><link>https://oldblog.example.it/voce/</link>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded><wp:post_id>1</wp:post_id>"
        "<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt>"
        "<wp:post_name>voce</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item></channel></rss>",
        encoding="utf-8",
    )
    assert not run_import(path).error
    return Post.objects.get(wordpress_id=1).body


def test_text_after_a_heading_or_a_list_is_a_paragraph_and_lists_stand_alone(db, tmp_path):
    body = body_of(tmp_path, ARTICLE)
    assert "<p>Primo paragrafo.</p>" in body
    assert "<p>Secondo paragrafo<br>\nsu due righe.</p>\n<h3>Titolo</h3>" in body
    assert "<h3>Titolo</h3>\n<p>Terzo paragrafo.</p>" in body
    assert "<p>Ecco cosa serve:</p>\n<ul>" in body
    assert "<li>due\n<ul>\n<li>annidato</li>\n</ul>\n</li>\n</ul>\n<p>Fine.</p>" in body
    assert "<br>" not in body.replace("paragrafo<br>\nsu", "")


def test_a_closing_tag_on_its_own_chunk_is_never_a_paragraph(db, tmp_path):
    body = body_of(tmp_path, CLOSING_ALONE)
    assert body == "<ul>\n<li>voce</li>\n</ul>\n<p>Dopo l'elenco.</p>"


def test_a_quotation_a_box_and_a_table_keep_their_text_and_their_shape(db, tmp_path):
    body = body_of(tmp_path, QUOTE_DIV_TABLE)
    assert "<blockquote><p>Una citazione<br>\ndi due righe</p></blockquote>" in body
    assert '<div class="nota">Testo nel riquadro</div>' in body
    assert "<table>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</table>\n<p>Sotto la tabella.</p>" in (
        body
    )
    assert "<p><div" not in body and "<p><table" not in body and "<p></" not in body
