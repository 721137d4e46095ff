"""An <h1> in a post's body stays a heading, below the title.

The page's only <h1> is the article's title, so the sanitizer drops an <h1> of the body and
keeps its words with neither a line of their own nor a space: "<h1>Title</h1>text" read
"Titletext". Seen in a real Chinese export (WXR 1.2, WordPress 3.4) whose posts, written in
a Markdown plugin, opened with an <h1>. Such a body gets every heading one level down, as a
Markdown body does; a body whose headings start at <h2> is left as the author wrote it.
"""

from posts.models import Post

from .test_bodies_as_wordpress_showed_them import import_items, item


def test_a_body_with_h1_keeps_its_outline_below_the_title(db, tmp_path):
    body = "<h1>这是标题</h1>前段时间学会了markdown。\n\n<h2>测试列表</h2>\n\n<h6>Note</h6>"
    import_items(tmp_path, item(1, "post", body), item(2, "post", "<h2>Kept</h2>\n\nText"))
    html = Post.objects.get(wordpress_id=1).body_html
    assert "<h2>这是标题</h2>" in html
    assert "<h3>测试列表</h3>" in html and "<h6>Note</h6>" in html
    assert "<h1" not in html
    assert "<h2>Kept</h2>" in Post.objects.get(wordpress_id=2).body_html


def test_code_showing_a_heading_stays_code(db, tmp_path):
    body = '[code lang="html"]<h1>Hi</h1>[/code]\n\n<h1>Real</h1>'
    import_items(tmp_path, item(1, "post", body))
    html = Post.objects.get(wordpress_id=1).body_html
    assert "&lt;h1&gt;Hi&lt;/h1&gt;" in html and "<h2>Real</h2>" in html
