"""An imported thread keeps who answered whom at any depth; the page stops indenting at
COMMENTS_MAX_DEPTH and names the comment each deeper reply answers."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from comments import services
from comments.models import Comment

pytestmark = pytest.mark.django_db


def deep_thread(post, depth):
    start = timezone.now() - timedelta(days=1)
    entries, parent = [], None
    for level in range(depth):
        entry = services.NewComment(
            post=post,
            body=f"Livello {level}",
            status=Comment.Status.APPROVED,
            submitted_at=start + timedelta(minutes=level),
            author_name=f"Lettore {level}",
            parent=parent,
            keep_parent=True,
        )
        entries.append(entry)
        parent = entry
    return services.create_comments(entries)


def test_an_imported_reply_keeps_its_real_parent_and_depth(post):
    thread = deep_thread(post, 8)
    for level in range(1, 8):
        saved = Comment.objects.get(pk=thread[level].pk)
        assert saved.parent_id == thread[level - 1].pk and saved.depth == level
        assert saved.root_id == thread[0].pk


def test_the_page_stops_indenting_and_says_whom_a_deeper_reply_answers(client, post):
    thread = deep_thread(post, 8)
    html = client.get(post.get_absolute_url()).content.decode()
    for comment in thread:
        assert f'id="comment-{comment.pk}"' in html
    start = html.index('<li class="comment ')  # the thread list: only its own <ol>s
    deepest_nesting = max(
        html[start : m.start()].count('<ol class="children">')
        - html[start : m.start()].count("</ol>")
        for m in re.finditer(r'<li class="comment ', html)
    )
    assert deepest_nesting <= 2  # three levels by default: top, reply, reply to a reply
    assert f'<a href="#comment-{thread[2].pk}">in risposta a Lettore 2</a>' in html
    assert html.count('class="comment-in-reply-to"') == 5
