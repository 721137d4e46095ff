"""A translation is another article: its reactions and comments are its own."""

import pytest

from posts.reactions.models import Reaction, ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter
from tests.comments.reader_helpers import make_comment

pytestmark = pytest.mark.django_db


def test_reactions_to_an_article_do_not_count_for_its_translation(client, bilingual):
    kind = ReactionKind.objects.get(code="useful")
    voter = anonymous_voter("same-reader")
    cast_reaction(post=bilingual["it"], kind=kind, voter=voter)
    # The same reader may react to the translation too: another article.
    cast_reaction(post=bilingual["en"], kind=kind, voter=voter)
    cast_reaction(post=bilingual["en"], kind=kind, voter=anonymous_voter("another"))
    assert Reaction.objects.filter(post=bilingual["it"]).count() == 1
    state = client.get(f"/reazioni/{bilingual['en'].pk}/").json()
    assert state["counts"]["useful"] == 2
    assert client.get(f"/reazioni/{bilingual['it'].pk}/").json()["counts"]["useful"] == 1


def test_comments_on_an_article_are_not_shown_on_its_translation(client, bilingual):
    make_comment(bilingual["it"], body="Un commento in italiano.")
    make_comment(bilingual["en"], body="A comment in English.")
    italian = client.get(bilingual["it"].get_absolute_url()).text
    english = client.get(bilingual["en"].get_absolute_url()).text
    assert "Un commento in italiano." in italian and "A comment in English." not in italian
    assert "A comment in English." in english and "Un commento in italiano." not in english
