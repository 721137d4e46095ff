"""--reaction-meta carries a reactions plugin's counts over; new votes add to them."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from posts.models import Post
from posts.reactions.models import ReactionKind, counts_for_post
from posts.reactions.services import cast_reaction
from wordpress.importer import run_import

SPEC = "_reactions=useful,love,insightful,funny,surprised,disagree"


def test_starting_counts_show_and_new_votes_add_to_them(db, wxr_file, media_root, client):
    run_import(wxr_file, options={"reaction_meta": SPEC})
    post = Post.objects.get(wordpress_id=10)
    useful, love = ReactionKind.objects.get(code="useful"), ReactionKind.objects.get(code="love")
    assert counts_for_post(post)[useful.pk] == 55
    assert counts_for_post(post)[love.pk] == 7
    cast_reaction(post=post, kind=love, voter="u:999999")
    assert counts_for_post(post)[love.pk] == 8
    again = run_import(wxr_file, options={"reaction_meta": SPEC})
    assert again.total("reaction counts", "unchanged") == 6
    assert counts_for_post(post)[love.pk] == 8
    html = client.get(post.get_absolute_url()).content.decode()
    shown = re.findall(r'<span class="reaction-count" data-count>(\d+)</span>', html)
    assert shown[:2] == ["55", "8"]


def test_a_malformed_reaction_meta_option_is_refused_before_anything_is_written(db, wxr_file):
    with pytest.raises(CommandError, match="META_KEY"):
        call_command(
            "import_wordpress", str(wxr_file), reaction_meta="_reactions", stdout=StringIO()
        )
    assert not Post.objects.exists()
