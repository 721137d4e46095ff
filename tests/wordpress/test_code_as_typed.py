"""Code written for a highlighting plugin arrives as the code the author typed.

WordPress.com and SyntaxHighlighter Evolved (the plugin behind it) take code in shortcodes,
[sourcecode language="cpp"]...[/sourcecode], [code lang="php"], [php]...[/php], and turn it
into a <pre> before wpautop runs; WP-Syntax and Crayon do the same with <pre lang="c"> and
<pre class="lang:php">. Imported as HTML, "#include <stdio.h>" lost "<stdio.h>" (read as a
tag, then dropped by the sanitizer), "a<b && c>d" became "ad", the shortcodes stayed on the
page as text and the code was cut into paragraphs. The first fixture is written after a
real Italian blog's fstab and madwifi instructions.

Commenters marked code with <code>: it is written as our comments write code (backticks).
"""

import textwrap

from posts.markup import html_to_text
from posts.models import Post
from wordpress import markup
from wordpress.importer import run_import

from .test_bodies_as_wordpress_showed_them import HEAD
from .test_bodies_as_wordpress_showed_them import item as base_item
from .test_nothing_published_is_lost import comment

FSTAB = textwrap.dedent("""\
    # /dev/sda1
    UUID=d2f0be8e   /          jfs\tdefaults,errors=remount-ro,noatime        0       2

    tmpfs     /tmp              tmpfs     defaults,noatime        0 0""")
C_CODE = textwrap.dedent("""\
    #include <stdio.h>

    int main(void) {
        return a<b && c>d;
    }""")
ITALIAN = f"""Aggiungiamo le seguenti righe al file fstab:

[sourcecode language='cpp']
{FSTAB}
[/sourcecode]
Poi applichiamo la patch:
[sourcecode language='bash']patch -p0 < ../madwifi-ng.patch[/sourcecode]
E infine il programma:

[code lang="c" title="Il più piccolo programma"]
{C_CODE}
[/code]

Tutto qui."""


def item(pid, body, *meta, comments=""):
    postmeta = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in meta
    )
    return base_item(pid, "post", body, extra=postmeta + comments)


def imported(tmp_path, *items):
    path = tmp_path / "export.xml"
    path.write_text(HEAD + "".join(items) + "</channel></rss>", encoding="utf-8")
    assert not run_import(path).error
    return Post.objects.get(wordpress_id=1)


def escaped(code):
    return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_code_in_shortcodes_reads_as_typed(db, tmp_path):
    post = imported(tmp_path, item(1, ITALIAN))
    shown = post.body_html
    assert "[sourcecode" not in shown and "[/code]" not in shown
    # Each block whole, its blank lines, tabs and indentation kept, nothing read as a tag.
    assert f'<pre tabindex="0"><code>{FSTAB}</code></pre>' in shown
    assert '<pre tabindex="0"><code>patch -p0 &lt; ../madwifi-ng.patch</code></pre>' in shown
    assert f'<pre tabindex="0"><code>{escaped(C_CODE)}</code></pre>' in shown
    assert "<figcaption>Il più piccolo programma</figcaption>" in shown
    # The prose around the code keeps its paragraphs, and no paragraph holds code.
    assert "<p>Aggiungiamo le seguenti righe al file fstab:</p>" in shown
    assert "<p>Poi applichiamo la patch:</p>" in shown
    assert "<p>Tutto qui.</p>" in shown
    text = html_to_text(shown)
    for line in (FSTAB + "\n" + C_CODE).splitlines():
        assert " ".join(line.split()) in text


def test_code_saved_encoded_is_shown_once_decoded(db, tmp_path):
    # SyntaxHighlighter 2+ saves the code HTML-encoded and marks the post; the same text in a
    # post without the mark is code that really reads "&lt;", as WordPress showed it.
    body = '[code lang="php"]&lt;?php echo $greeting &amp;&amp; $name; ?&gt;[/code]'
    post = imported(tmp_path, item(1, body, ("_syntaxhighlighter_encoded", "1")), item(2, body))
    assert html_to_text(post.body_html) == "<?php echo $greeting && $name; ?>"
    other = Post.objects.get(wordpress_id=2)
    assert html_to_text(other.body_html) == "&lt;?php echo $greeting &amp;&amp; $name; ?&gt;"


def test_language_shortcodes_and_what_is_not_code(db, tmp_path):
    body = (
        "Show a shortcode with [[code]two brackets[/code]].\n\n"
        "[php]<?php $c = '[caption]not a caption[/caption]'; ?>[/php]\n\n"
        "[c-sharp]List<int> numbers;[/c-sharp]\n\n"
        "[CODE]upper case is no shortcode to WordPress[/CODE]\n\n"
        "[contact-form-7 id=3]\n\n[code][/code]"
    )
    shown = imported(tmp_path, item(1, body)).body_html
    assert "<p>Show a shortcode with [code]two brackets[/code].</p>" in shown
    assert "<code>&lt;?php $c = '[caption]not a caption[/caption]'; ?&gt;</code></pre>" in shown
    assert "<figure" not in shown  # the [caption] inside code stays code
    assert '<pre tabindex="0"><code>List&lt;int&gt; numbers;</code></pre>' in shown
    assert "<p>[CODE]upper case is no shortcode to WordPress[/CODE]</p>" in shown
    assert "<p>[contact-form-7 id=3]</p>" in shown
    assert shown.count("<pre ") == 2  # an empty [code] shows nothing, as in WordPress


def test_plugin_pre_blocks(db, tmp_path):
    body = (
        '<pre lang="c" line="1">#include <stdio.h></pre>\n\n'
        '<pre lang="html" escaped="true">&lt;b&gt;bold&lt;/b&gt;</pre>\n\n'
        '<pre class="lang:php decode:true">&lt;?php echo 1; ?&gt;</pre>\n\n'
        '<pre class="lang:js">if (a<b) go();</pre>\n\n'
        '<pre lang="python">if a &gt; b:\n    pass</pre>\n\n'
        '<pre class="brush: js">a &lt; b</pre>'
    )
    shown = imported(tmp_path, item(1, body)).body_html
    assert (
        '<pre tabindex="0"><code>#include &lt;stdio.h&gt;</code></pre>' in shown
    )  # WP-Syntax: as typed
    assert '<pre tabindex="0"><code>if (a&lt;b) go();</code></pre>' in shown  # Crayon: as typed
    # ...unless it has no "<" or ">" of its own: then the visual editor saved it encoded.
    assert '<pre tabindex="0"><code>if a &gt; b:\n    pass</code></pre>' in shown
    # Saved as HTML (escaped="true", decode:true, SyntaxHighlighter's own <pre>): read as HTML.
    assert ">&lt;b&gt;bold&lt;/b&gt;</pre>" in shown
    assert '<pre tabindex="0">&lt;?php echo 1; ?&gt;</pre>' in shown
    assert '<pre tabindex="0">a &lt; b</pre>' in shown


def test_code_before_more_is_in_the_lead(db, tmp_path):
    post = imported(tmp_path, item(1, "Prima:\n[code]x = a<b[/code]\n<!--more-->\nDopo."))
    assert post.lead == "Prima: x = a<b"
    assert "<p>Dopo.</p>" in post.body_html


def test_block_editor_code_is_unchanged():
    # The block editor saves its code encoded inside <pre>: already HTML, left alone.
    body = (
        '<!-- wp:syntaxhighlighter/code {"language":"python"} -->\n'
        '<pre class="wp-block-syntaxhighlighter-code">if a &lt; b:\n    pass</pre>\n'
        "<!-- /wp:syntaxhighlighter/code -->"
    )
    converted = markup.convert(body)
    assert (
        converted.html
        == '<pre class="wp-block-syntaxhighlighter-code">if a &lt; b:\n    pass</pre>'
    )


def test_a_commenter_s_code_stays_code(db, tmp_path):
    asked = (
        "Uso <code>pd.read_csv(&quot;a.csv&quot;)</code> ma ottengo:<br />\n"
        "<code>for row in rows:\n    if row &lt; 0:\n        skip(row)</code>\nCome mai?"
    )
    post = imported(tmp_path, item(1, "Testo.", comments=comment(5, content=asked)))
    shown = post.comments.get().body_html
    assert "<code>pd.read_csv(&quot;a.csv&quot;)</code>" in shown
    assert "<code>for row in rows:\n    if row &lt; 0:\n        skip(row)</code></pre>" in shown
    assert shown.endswith("<p>Come mai?</p>")
