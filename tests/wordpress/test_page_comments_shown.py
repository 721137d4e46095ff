"""The comments a WordPress page had are read under the page, as they were published.

Pages take no new comments here, but what readers wrote on a WordPress page was public:
moving in must not hide it. Approved comments only, threads kept, e-mails and IPs never
shown, each at #comment-<WordPress id> so that an old link to it still lands on it.
"""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from posts.models import Page
from posts.services import create_page
from wordpress.models import PageComment


@pytest.fixture
def about(db, author):
    return create_page(
        title="Chi siamo",
        author=author,
        body="La redazione.",
        status=Page.Status.PUBLISHED,
        published_at=timezone.now(),
    )


def kept(page, wordpress_id, *, parent=0, status="approved", minute=0, **fields):
    values = {
        "author_name": f"Lettore {wordpress_id}",
        "author_email": f"lettore{wordpress_id}@example.com",
        "ip_address": "192.0.2.7",
        "body": f"Commento numero {wordpress_id}",
        "submitted_at": datetime(2021, 3, 2, 10, minute, tzinfo=UTC),
        **fields,
    }
    return PageComment.objects.create(
        page=page, wordpress_id=wordpress_id, parent_wordpress_id=parent, status=status, **values
    )


def test_approved_comments_are_shown_with_name_and_date_and_nothing_private(client, about):
    kept(about, 800, author_url="https://lettore.example.com/")
    kept(about, 801, parent=800, minute=5)
    kept(about, 802, status="pending", minute=6)
    kept(about, 803, status="spam", minute=7)
    kept(about, 804, status="trash", minute=8)

    html = client.get(about.get_absolute_url()).text

    assert "2 commenti" in html
    assert 'id="comment-800"' in html and 'id="comment-801"' in html
    assert "Commento numero 800" in html and "Commento numero 801" in html
    for hidden in (802, 803, 804):
        assert f"Commento numero {hidden}" not in html
    assert "lettore800@example.com" not in html and "192.0.2.7" not in html
    assert 'href="https://lettore.example.com/" rel="nofollow ugc"' in html
    assert "Lettore 800" in html and "@ <a" in html and "2 marzo 2021" in html
    assert "I commenti sono chiusi." in html  # read only: no form
    assert 'name="body"' not in html


def test_a_reply_sits_inside_its_parent_and_an_orphan_is_not_lost(client, about):
    kept(about, 800)
    kept(about, 801, parent=800, minute=1)
    kept(about, 810, parent=999, minute=2)  # its parent was never exported
    kept(about, 820, parent=821, minute=3)  # a loop of parents, as a broken export has
    kept(about, 821, parent=820, minute=4)

    html = client.get(about.get_absolute_url()).text

    reply_inside = html.index('<ol class="children">', html.index('id="comment-800"'))
    assert html.index('id="comment-801"') > reply_inside
    for wordpress_id in (810, 820, 821):
        assert f"Commento numero {wordpress_id}" in html


def test_threads_deeper_than_the_display_say_whom_a_reply_answers(client, about, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    kept(about, 1, author_name="Anna")
    kept(about, 2, parent=1, minute=1, author_name="Bruno")
    kept(about, 3, parent=2, minute=2, author_name="Carla")  # deeper than two levels

    html = client.get(about.get_absolute_url()).text

    assert html.count('<ol class="children">') == 1
    assert 'href="#comment-2">in risposta a Bruno</a>' in html
    assert "Commento numero 3" in html


def test_a_comment_body_is_escaped_and_its_links_are_nofollow(client, about):
    kept(about, 900, body="<script>alert(1)</script> fonte: https://example.org/studio")

    html = client.get(about.get_absolute_url()).text

    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert '<a rel="nofollow ugc" href="https://example.org/studio"' in html


def test_a_page_without_comments_shows_no_comment_section(client, about):
    kept(about, 800, status="pending")
    assert 'id="comments"' not in client.get(about.get_absolute_url()).text


def test_removing_a_kept_comment_leaves_the_stored_page(client, about, settings):
    settings.PAGE_CACHE_ENABLED = True
    comment = kept(about, 800)
    assert "Commento numero 800" in client.get(about.get_absolute_url()).text
    comment.delete()
    assert "Commento numero 800" not in client.get(about.get_absolute_url()).text


def test_the_comments_cost_one_query(client, about, django_assert_max_num_queries):
    for n in range(30):
        kept(about, 1000 + n, parent=1000 + n - 1 if n else 0, minute=n)
    client.get(about.get_absolute_url())  # warm what every page reads once per process
    with django_assert_max_num_queries(12) as counted:
        client.get(about.get_absolute_url())
    reads = [q["sql"] for q in counted.captured_queries if "wordpress_pagecomment" in q["sql"]]
    assert len(reads) == 1
