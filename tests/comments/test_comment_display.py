import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from comments.models import Comment
from comments.templatetags.comments_tags import avatar_color, initials
from tests.comments.reader_helpers import get_in_english, make_comment, post_comment

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def page(client, post, query=""):
    return client.get(post.get_absolute_url() + query).content.decode()


def shown_ids(html):
    return [int(n) for n in re.findall(r'<li class="comment[^"]*" id="comment-(\d+)"', html)]


def test_the_heading_counts_approved_comments_only(client, post):
    make_comment(post)
    make_comment(post)
    make_comment(post, status=Comment.Status.PENDING)
    make_comment(post, status=Comment.Status.SPAM)
    assert "2 commenti" in page(client, post)


def test_the_heading_uses_the_singular_for_one_comment(client, post):
    make_comment(post)
    html = get_in_english(client, post).content.decode()
    assert ">1 comment<" in html


def test_only_approved_comments_are_shown_to_everyone(client, post):
    approved = make_comment(post)
    held = make_comment(post, status=Comment.Status.PENDING)
    spam = make_comment(post, status=Comment.Status.SPAM)
    trash = make_comment(post, status=Comment.Status.TRASH)
    ids = shown_ids(page(client, post))
    assert approved.pk in ids
    assert not {held.pk, spam.pk, trash.pk} & set(ids)


def test_the_commenter_sees_their_pending_comment_marked_only_in_their_browser(client, post):
    from django.test import Client

    response = post_comment(client, post, body="Il mio commento in attesa")
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"#comment-{comment.pk}")

    mine = client.get(response["Location"]).content.decode()
    assert comment.pk in shown_ids(mine)
    assert "Il tuo commento è in attesa di moderazione." in mine

    other = page(Client(), post)
    assert comment.pk not in shown_ids(other)
    assert "Il mio commento in attesa" not in other


@override_settings(COMMENTS_PER_PAGE=3)
def test_top_level_comments_are_paginated_with_their_replies(client, post):
    tops = [make_comment(post) for _ in range(7)]
    reply = make_comment(post, parent=tops[4])

    first = shown_ids(page(client, post))
    second_html = page(client, post, "?cpage=2")
    second = shown_ids(second_html)
    last = shown_ids(page(client, post, "?cpage=3"))

    assert first == [c.pk for c in tops[:3]]
    assert second == [tops[3].pk, tops[4].pk, reply.pk, tops[5].pk]
    assert last == [tops[6].pk]
    assert 'aria-label="Pagine dei commenti"' in second_html
    assert '<span aria-current="page">' in second_html
    assert shown_ids(page(client, post, "?cpage=99")) == last
    assert shown_ids(page(client, post, "?cpage=abc")) == first


@override_settings(COMMENTS_PER_PAGE=2, COMMENTS_ORDER="newest")
def test_the_newest_first_setting_reverses_the_top_level_order(client, post):
    tops = [make_comment(post) for _ in range(3)]
    reply = make_comment(post, parent=tops[0])
    assert shown_ids(page(client, post)) == [tops[2].pk, tops[1].pk]
    assert shown_ids(page(client, post, "?cpage=2")) == [tops[0].pk, reply.pk]


@override_settings(COMMENTS_PER_PAGE=2)
def test_a_permalink_lands_on_the_page_of_its_thread(client, post):
    tops = [make_comment(post) for _ in range(5)]
    reply = make_comment(post, parent=tops[3])

    response = client.get(reply.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}?cpage=2#comment-{reply.pk}"
    assert client.get(tops[0].get_absolute_url())["Location"].endswith(f"/#comment-{tops[0].pk}")


@override_settings(COMMENTS_PER_PAGE=2, COMMENTS_ORDER="newest")
def test_a_permalink_follows_the_newest_first_order(client, post):
    tops = [make_comment(post) for _ in range(5)]
    assert f"?cpage=3#comment-{tops[0].pk}" in client.get(tops[0].get_absolute_url())["Location"]


def test_a_permalink_to_a_held_comment_is_not_found(client, post):
    held = make_comment(post, status=Comment.Status.PENDING)
    assert client.get(held.get_absolute_url()).status_code == 404


def test_each_comment_shows_name_localized_date_permalink_and_reply(client, post):
    comment = make_comment(
        post,
        author_name="Maria Rossi",
        submitted_at=datetime(2021, 2, 7, 15, 4, tzinfo=ROME),
    )
    html = page(client, post)
    assert f'id="comment-{comment.pk}"' in html
    assert "Maria Rossi" in html
    assert "7 febbraio 2021 15:04" in html
    assert f'href="/comments/{comment.pk}/"' in html
    assert f"?replyto={comment.pk}#respond" in html

    english = get_in_english(client, post).content.decode()
    assert "7 February 2021 15:04" in english


def test_no_email_address_is_rendered_on_the_page(client, post):
    make_comment(post, author_email="segreto@example.com")
    make_comment(post, author_email="nascosto@example.com", status=Comment.Status.PENDING)
    html = page(client, post)
    assert "segreto@example.com" not in html
    assert "nascosto@example.com" not in html
    assert "@example.com" not in html


def test_the_avatar_is_local_initials_with_a_stable_color(client, post):
    make_comment(post, author_name="maria rossi")
    html = page(client, post)
    assert f'class="avatar avatar--c{avatar_color("Maria Rossi")}" aria-hidden="true">MR<' in html
    assert "gravatar" not in html
    assert initials("Anna") == "A"
    assert initials("  <script>") == "?" or initials("  <script>") == "S"
    assert initials("") == "?"


def test_the_article_authors_comments_carry_a_badge(client, post, author, reader):
    by_author = make_comment(post, user=author, author_name="Maria Rossi")
    by_reader = make_comment(post, user=reader, author_name="Lettore")
    html = page(client, post)

    def block(comment):
        start = html.index(f'id="comment-{comment.pk}"')
        return html[start : html.index("</article>", start)]

    assert "Autore" in block(by_author)
    assert "Autore" not in block(by_reader)


def test_the_form_has_the_wordpress_headings_and_the_privacy_line(client, post):
    html = page(client, post)
    assert "Lascia una risposta" in html
    assert "Il tuo indirizzo email non sarà pubblicato." in html
    assert "I campi obbligatori sono contrassegnati" in html
    assert 'href="/privacy/"' in html
    assert "filtro antispam" in html

    english = get_in_english(client, post).content.decode()
    assert "Leave a reply" in english
    assert "Your email address will not be published." in english
    assert "Required fields are marked" in english
