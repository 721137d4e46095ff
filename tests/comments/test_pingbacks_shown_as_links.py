"""A pingback or trackback (another site linking to the article, imported from WordPress)
is shown as that: "Pingback:" before the site's name, no avatar, and no "Reply" link, as
WordPress's themes show them; a reader's comment beside it is unchanged."""

import re

import pytest

from comments.models import Comment
from tests.comments.reader_helpers import make_comment

pytestmark = pytest.mark.django_db


def item(html, pk):
    start = html.index(f'id="comment-{pk}"')
    start = html.rindex("<li", 0, start)
    return html[start : html.index("</article>", start)]


def test_a_pingback_is_shown_as_a_link_from_another_site(client, post):
    ping = make_comment(
        post,
        kind=Comment.Kind.PINGBACK,
        author_name="Altro Blog",
        author_url="https://altro.example.com/un-articolo/",
        body="[…] come spiegato qui […]",
    )
    track = make_comment(post, kind=Comment.Kind.TRACKBACK, author_name="Terzo Blog")
    reader = make_comment(post, author_name="Maria Rossi")
    html = client.get(post.get_absolute_url()).content.decode()
    shown = item(html, ping.pk)
    assert "comment--ping" in shown
    assert re.search(
        r'<span class="comment-kind">Pingback:</span> <span class="comment-author">', shown
    )
    assert "Altro Blog" in shown and "come spiegato qui" in shown
    assert 'class="avatar' not in shown and "comment-reply-link" not in shown
    assert '<span class="comment-kind">Trackback:</span>' in item(html, track.pk)
    mine = item(html, reader.pk)
    assert 'class="avatar' in mine and "comment-reply-link" in mine and "comment-kind" not in mine
