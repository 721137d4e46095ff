"""The draft preview says it is a preview, and what would fail there is visibly disabled."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _preview(client, draft_post):
    client.force_login(draft_post.author)
    response = client.get(draft_post.get_preview_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_preview_has_a_clear_banner(client, draft_post):
    page = _preview(client, draft_post)
    assert '<strong class="preview-banner__label">Anteprima</strong>' in page


def test_reactions_comment_form_and_share_row_are_inside_a_disabled_inert_block(
    client, draft_post
):
    page = _preview(client, draft_post)
    block = re.search(r'<div class="preview-inert" inert>(.*?)</fieldset>\s*</div>', page, re.S)
    assert block, "no inert block in the preview"
    inner = block.group(1)
    assert '<fieldset class="preview-inert__controls" disabled>' in inner
    assert 'id="respond"' in inner or "comment" in inner
    assert "share" in inner
    # Nothing interactive of those parts is left outside the disabled block.
    outside = page.replace(block.group(0), "")
    assert 'id="respond"' not in outside


def test_the_published_article_is_live(client, post):
    page = client.get(post.get_absolute_url()).content.decode()
    assert "preview-inert" not in page
    assert "preview-banner" not in page


def test_nothing_the_preview_asks_for_by_itself_is_missing(client, draft_post):
    # The reactions row of a draft used to ask for its state (/reazioni/<id>/): a 404.
    page = _preview(client, draft_post)
    assert "data-state-url" not in page
    addresses = set(re.findall(r'(?:src|data-[\w-]+-url)="(/[^"#]*)"', page))
    addresses |= set(re.findall(r'<link rel="stylesheet" href="(/[^"]*)"', page))
    assert addresses
    for address in addresses - {"/comments/0/"}:  # a pattern comments.js fills in
        status = client.get(address).status_code
        assert status != 404, address
