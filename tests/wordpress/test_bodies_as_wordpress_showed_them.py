"""A body reads as WordPress showed it: seen in real exports, each written out small.

A classic-editor tutorial's code in <pre>, with blank lines and indentation, was cut into
paragraphs with <br> and lost its indentation; a block-editor page (WordPress.com's query
block) had a blank line inside a block's <div>, and got "<p></div></p>"; the blocks
WordPress drew when showing that page (post titles, dates) vanished without a word, as
would a reusable block's text, kept in an item of its own.
"""

from posts.models import Page, Post
from wordpress.importer import run_import

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Example</title><link>https://example.com</link><language>en</language>
<wp:wxr_version>1.2</wp:wxr_version>
"""

CODE = """def greet(name):
    if name:
        return "Hello " + name

    return "Hello"


print(greet("Ada"))"""

CLASSIC = f"""First we define it;
<pre lang="python" line="1">{CODE}</pre>
Then we call it.

And that is all."""

BLOCKS = """<!-- wp:query {"queryId":1} -->
<div class="wp-block-query"><!-- wp:post-template -->
<!-- wp:post-title /-->

<!-- wp:group -->
<div class="wp-block-group"><!-- wp:post-date /-->

<!-- wp:post-terms {"term":"category"} /--></div>
<!-- /wp:group -->
<!-- /wp:post-template --></div>
<!-- /wp:query -->

<!-- wp:paragraph -->
<p>A paragraph
with a line break the author typed.</p>
<!-- /wp:paragraph -->

<!-- wp:code -->
<pre class="wp-block-code"><code>a = 1

b = 2</code></pre>
<!-- /wp:code -->"""


def item(pid, post_type, body, status="publish", extra="", site="https://example.com"):
    """An item of an export; `extra` is more of its XML (post meta, comments, dates)."""
    return (
        f"<item><title>Item {pid}</title><link>{site}/item-{pid}/</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_id>{pid}</wp:post_id>"
        "<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt>"
        f"<wp:post_name>item-{pid}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_type>{post_type}</wp:post_type>{extra}</item>\n"
    )


def import_items(tmp_path, *items, head=HEAD):
    path = tmp_path / "export.xml"
    path.write_text(head + "".join(items) + "</channel></rss>", encoding="utf-8")
    report = run_import(path)
    assert not report.error
    return report


def test_code_in_a_pre_keeps_its_blank_lines_and_indentation(db, tmp_path):
    import_items(tmp_path, item(1, "post", CLASSIC))
    body = Post.objects.get(wordpress_id=1).body
    # WP-Syntax's <pre lang="python">: the code as typed (test_code_as_typed.py).
    assert f"<pre><code>{CODE}</code></pre>" in body
    # The text around it still gets the classic editor's paragraphs, and the <pre> is a
    # block of its own, not inside one of them.
    assert body.startswith("<p>First we define it;</p>\n<pre")
    assert "<p>Then we call it.</p>\n<p>And that is all.</p>" in body


def test_a_block_editor_body_gets_no_paragraphs_of_ours(db, tmp_path):
    report = import_items(tmp_path, item(2, "page", BLOCKS), item(3, "post", BLOCKS))
    for body in (Page.objects.get(wordpress_id=2).body, Post.objects.get(wordpress_id=3).body):
        assert "wp:" not in body
        assert "<p></div>" not in body and "<br>" not in body
        assert "<p>A paragraph\nwith a line break the author typed.</p>" in body
        assert '<pre class="wp-block-code"><code>a = 1\n\nb = 2</code></pre>' in body
    # What WordPress drew there (the query loop's titles and dates) is named in the report.
    notes = [e.message for e in report.entries() if e.wordpress_id == 2 and e.field == "content"]
    assert len(notes) == 1
    assert "post-title, post-date, post-terms" in notes[0] and "group" not in notes[0]


def test_a_reusable_block_shows_its_text_where_it_is_used(db, tmp_path):
    uses = (
        "<!-- wp:paragraph --><p>Before.</p><!-- /wp:paragraph -->\n"
        '<!-- wp:block {"ref":70} /-->\n<!-- wp:block {"ref":71} /-->\n'
        '<!-- wp:block {"ref":72} /-->'
    )
    shared = (
        "<!-- wp:paragraph --><p>Opening hours: 9 to 5.</p><!-- /wp:paragraph -->"
        '<!-- wp:block {"ref":70} /-->'  # itself: WordPress shows it once
    )
    report = import_items(
        tmp_path,
        item(5, "post", uses),  # the blocks come after the article that uses them
        item(70, "wp_block", shared),
        item(71, "wp_block", "<p>Not ready.</p>", status="draft"),
    )
    body = Post.objects.get(wordpress_id=5).body
    assert body.count("Opening hours: 9 to 5.") == 1 and "Not ready." not in body
    notes = [e.message for e in report.entries() if e.wordpress_id == 5]
    assert len(notes) == 1 and "block #71, block #72" in notes[0]
    block = [e for e in report.entries() if e.wordpress_id == 70]
    assert block and "reusable block" not in block[0].message  # said in Italian
