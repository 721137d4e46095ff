"""A body stored before the sanitizer kept <b>, <q>, <kbd>..., or before a <pre> got its tab
stop, is rendered again on migrate; no other body is touched."""

import importlib

from django.apps import apps

from posts.markup import BodyFormat
from posts.models import Post
from tests.conftest import make_post

migration = importlib.import_module("posts.migrations.0016_render_text_level_tags")


def test_only_bodies_with_a_newly_kept_tag_are_rendered_again(db):
    bold = make_post(
        body="<p><b>Nota</b>: premi <kbd>Ctrl</kbd>.</p>", body_format=BodyFormat.HTML
    )
    plain = make_post(body="<p>Solo <br>testo.</p>", body_format=BodyFormat.HTML)
    markdown = make_post(body="Premi <kbd>Invio</kbd> e **salva**.")
    code = make_post(body="```\nx = 1\n```")
    # As the old allow-list stored them.
    Post.objects.filter(pk__in=[bold.pk, plain.pk, markdown.pk]).update(body_html="stored")
    Post.objects.filter(pk=code.pk).update(body_html="<pre><code>x = 1\n</code></pre>")
    migration.render_again(apps, None)
    html = dict(Post.objects.values_list("pk", "body_html"))
    assert html[bold.pk] == "<p><b>Nota</b>: premi <kbd>Ctrl</kbd>.</p>"
    assert (
        "<kbd>Invio</kbd>" in html[markdown.pk] and "<strong>salva</strong>" in html[markdown.pk]
    )
    assert html[code.pk] == '<pre tabindex="0"><code>x = 1\n</code></pre>'
    assert html[plain.pk] == "stored"
