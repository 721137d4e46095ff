"""Each message appears once: next to the section it is about, or at the top of the page."""

import pytest
from django.urls import reverse

from tests.comments.reader_helpers import post_comment

pytestmark = pytest.mark.django_db

MODERATION_NOTICE = "Grazie: il tuo commento è in attesa di moderazione."


def test_a_comment_message_is_shown_once_in_the_comments_section(client, post):
    assert post_comment(client, post).status_code == 302
    html = client.get(post.get_absolute_url()).content.decode()
    assert html.count(MODERATION_NOTICE) == 1
    comments_section = html[html.index('id="comments"') :]
    assert MODERATION_NOTICE in comments_section
    assert '<ul class="messages"' not in html


def test_a_reaction_message_is_shown_in_the_reactions_row_only(client, post):
    response = client.post(reverse("reactions:react", kwargs={"pk": post.pk}), {"kind": "useful"})
    assert response.status_code == 302, response.content
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<ul class="messages"' not in html
    row = html[html.index('id="reactions"') : html.index('id="comments"')]
    assert html.count("Utile”. Grazie!") == 1
    assert "Utile”. Grazie!" in row


def test_other_messages_are_shown_at_the_top_of_the_page(client, reader):
    client.force_login(reader)
    client.post(reverse("account_logout"))
    html = client.get("/").content.decode()
    assert '<ul class="messages"' in html
