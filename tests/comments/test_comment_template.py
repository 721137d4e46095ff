"""Each comment is drawn by one template, comments/comment.html, that a site may override."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import override_settings

from tests.comments.reader_helpers import make_comment

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def page(client, post):
    return client.get(post.get_absolute_url()).content.decode()


def with_comment_template_in(directory):
    """The project's engines, the comments engine looking first in `directory`."""
    engines = []
    for engine in settings.TEMPLATES:
        if engine.get("NAME") == "comments":
            engine = {**engine, "DIRS": [directory, *engine["DIRS"]]}
        engines.append(engine)
    return override_settings(TEMPLATES=engines)


def test_a_site_draws_comments_with_its_own_template(client, post, tmp_path):
    (tmp_path / "comments").mkdir()
    (tmp_path / "comments" / "comment.html").write_text(
        "{% for comment in comments recursive %}"
        '<li class="site-comment" id="comment-{{ comment.pk }}">{{ comment.shown_name }}'
        " ({{ t['Reply'] }})"
        "{% if comment.children %}<ol>{{ loop(comment.children) }}</ol>{% endif %}</li>\n"
        "{% endfor %}"
    )
    first = make_comment(post, author_name="Maria <Rossi>")
    reply = make_comment(post, parent=first, author_name="Luca")
    with with_comment_template_in(tmp_path):
        html = page(client, post)
    assert (
        f'<li class="site-comment" id="comment-{first.pk}">Maria &lt;Rossi&gt; (Rispondi)'
        f'<ol><li class="site-comment" id="comment-{reply.pk}">Luca (Rispondi)</li>\n</ol></li>'
    ) in html
    assert 'class="comment-body"' not in html


def test_without_an_override_the_project_template_draws_them(client, post):
    comment = make_comment(post)
    html = page(client, post)
    assert f'<article class="comment-body" id="div-comment-{comment.pk}"' in html


def test_a_comment_time_is_given_to_machines_in_seconds_with_its_offset(client, post):
    make_comment(post, submitted_at=datetime(2021, 2, 7, 15, 4, 9, 123456, tzinfo=ROME))
    html = page(client, post)
    assert '<time datetime="2021-02-07T15:04:09+01:00">7 febbraio 2021 15:04</time>' in html


def test_names_with_quotes_are_escaped_as_in_the_rest_of_the_site(client, post):
    comment = make_comment(post, author_name='Dell\'Acqua "Gigi"')
    html = page(client, post)
    assert "<bdi>Dell&#x27;Acqua &quot;Gigi&quot;</bdi>" in html
    assert f'data-comment-id="{comment.pk}" data-author="Dell&#x27;Acqua &quot;Gigi&quot;"' in (
        html
    )
