"""What another site drew in a post arrives as a link to it, not as nothing.

WordPress showed the <iframe> YouTube's "embed" button gives to paste, the <object>/<embed>
of the years before it, a gist's <script> and WordPress.com's [youtube=...] and [vimeo ...]
as the video or the code itself. Our sanitizer drops iframes, objects and scripts with all
they hold, so the imported post had a hole where the video or the code was, and the
shortcodes stayed on the page as text. Seen in a real 2011 export (WXR 1.1, WordPress 3.2):
a post whose code was two gists, imported as the two sentences around them. WordPress.com's
[audio http://...mp3] (the file first, unnamed) lost its player and its link the same way.
"""

from posts.markup import html_to_text
from posts.models import Post

from .test_bodies_as_wordpress_showed_them import import_items, item

WATCH = "https://www.youtube.com/watch?v=tVruB7I2G14"


def shown(tmp_path, body) -> str:
    import_items(tmp_path, item(1, "post", body))
    return Post.objects.get(wordpress_id=1).body_html


def link(url):
    return f'<a href="{url}">{url}</a>'


def test_a_gist_is_a_link_to_it(db, tmp_path):
    body = (
        "Now, the allocation isn't any different than usual\n"
        '<script type="text/javascript" src="https://gist.github.com/1184518.js?file=Bad.m">'
        "</script>and right where the dispatch_async() is the problem begins."
    )
    html = shown(tmp_path, body)
    assert link("https://gist.github.com/1184518") in html
    assert "<script" not in html
    text = html_to_text(html)
    assert "different than usual" in text and "and right where" in text


def test_embedded_videos_are_links_to_their_pages(db, tmp_path):
    body = (
        "Look:\n\n"
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/tVruB7I2G14?rel=0"'
        ' frameborder="0" allowfullscreen></iframe>\n\n'
        'Older: <object width="425" height="344"><param name="movie" '
        'value="http://www.youtube.com/v/WVbQ-oro7FQ&amp;hl=en"></param><embed '
        'src="http://www.youtube.com/v/WVbQ-oro7FQ&amp;hl=en" '
        'type="application/x-shockwave-flash"></embed></object>\n\n'
        '<iframe src="//player.vimeo.com/video/12345?title=0" width="500"></iframe>\n\n'
        '<iframe src="https://www.google.com/maps/embed?pb=1&amp;z=2"></iframe>'
    )
    html = shown(tmp_path, body)
    assert link(WATCH) in html
    assert link("https://www.youtube.com/watch?v=WVbQ-oro7FQ") in html
    assert link("https://vimeo.com/12345") in html
    assert link("https://www.google.com/maps/embed?pb=1&amp;z=2") in html
    assert "<iframe" not in html and "<object" not in html and "<embed" not in html
    assert "<p>Look:</p>" in html


def test_wordpress_com_player_shortcodes(db, tmp_path):
    body = (
        f"[youtube={WATCH}&w=560&h=315]\n\n"
        "[youtube https://www.youtube.com/watch?v=WVbQ-oro7FQ]\n\n"
        "[vimeo 12345]\n\n"
        "[audio http://example.com/files/song.mp3|titles=Song|artists=Band]"
    )
    html = shown(tmp_path, body)
    assert "[youtube" not in html and "[vimeo" not in html and "[audio" not in html
    assert link(WATCH) in html
    assert link("https://www.youtube.com/watch?v=WVbQ-oro7FQ") in html
    assert link("https://vimeo.com/12345") in html
    assert '<audio src="http://example.com/files/song.mp3"' in html
    assert '<a href="http://example.com/files/song.mp3">song.mp3</a>' in html


def test_wordpress_com_site_shortcodes(db, tmp_path):
    body = (
        "[gist 1184518]\n\n[gist https://gist.github.com/ada/abc123]\n\n"
        "[gist]https://gist.github.com/ada/def456[/gist]\n\n"
        '[soundcloud url="https://api.soundcloud.com/tracks/42" params="auto_play=false"]\n\n'
        "[googlemaps https://maps.google.com/maps?q=Roma&amp;output=embed]\n\n"
        "[wpvideo bd2PMDyl w=640]\n\n[soundcloud]"
    )
    html = shown(tmp_path, body)
    assert link("https://gist.github.com/1184518") in html
    assert link("https://gist.github.com/ada/abc123") in html
    assert link("https://gist.github.com/ada/def456") in html
    assert link("https://api.soundcloud.com/tracks/42") in html
    assert link("https://maps.google.com/maps?q=Roma&amp;output=embed") in html
    assert link("https://videopress.com/v/bd2PMDyl") in html
    assert "<p>[soundcloud]</p>" in html  # nothing says where: its text stays


def test_code_about_embedding_stays_code(db, tmp_path):
    html = shown(tmp_path, '[code lang="html"]<iframe src="https://example.com/"></iframe>[/code]')
    assert "&lt;iframe src=" in html and "<a href" not in html
