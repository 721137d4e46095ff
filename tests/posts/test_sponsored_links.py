"""Authors disclose sponsored links by titling them "sponsor"; readers always see it."""

import pytest

from posts.markup import render_markdown

pytestmark = pytest.mark.django_db


def test_a_link_titled_sponsor_renders_as_sponsored_with_a_visible_marker():
    html = render_markdown('Spedite con [Spedizioni Rapide](https://example.com/sr "sponsor").')
    assert (
        '<a href="https://example.com/sr" rel="sponsored noopener">Spedizioni Rapide</a> '
        '<span class="sponsor-marker">[sponsor]</span>.'
    ) in html
    assert 'title="sponsor"' not in html


def test_the_sponsor_title_is_case_insensitive_and_works_in_raw_html():
    html = render_markdown('<a title=" Sponsor " href="https://example.com/?a=1&amp;b=2">x</a>')
    assert 'rel="sponsored noopener"' in html
    assert 'href="https://example.com/?a=1&amp;b=2"' in html
    assert html.count("[sponsor]") == 1


def test_every_sponsored_link_gets_its_own_marker():
    html = render_markdown('[a](https://a.example "sponsor") e [b](https://b.example "sponsor")')
    assert html.count('rel="sponsored noopener"') == 2
    assert html.count('<span class="sponsor-marker">[sponsor]</span>') == 2


def test_an_ordinary_link_is_not_marked():
    html = render_markdown('[a](https://a.example "Una guida")')
    assert "sponsored" not in html
    assert "[sponsor]" not in html


def test_an_author_cannot_set_rel_or_fake_the_marker_by_hand():
    html = render_markdown(
        '<a href="https://a.example" rel="sponsored noopener">a</a> '
        '<span class="sponsor-marker">[sponsor]</span>'
    )
    assert "rel=" not in html
    assert 'class="sponsor-marker"' not in html


def test_the_article_page_shows_the_sponsored_link(client, author):
    from tests.conftest import make_post

    post = make_post(author=author, body='Con [Spedizioni](https://example.com "sponsor").')
    response = client.get(post.get_absolute_url())
    assert 'rel="sponsored noopener"' in response.text
    assert '<span class="sponsor-marker">[sponsor]</span>' in response.text
