"""Engagement bait ("thumbs up if you ...") is weaker evidence than promotion.

Viewers write it for fun as often as spammers do; alone it holds a comment at worst, with
another finding it is spam.
"""

import pytest

from comments.spam import checks
from comments.spam.pipeline import Candidate, check_comment

pytestmark = pytest.mark.django_db

BAIT = "Thumbs up if you're watching in 2015"


def phrase_score(text):
    return checks.check_phrases(checks.Sample(Candidate(content=text))).reason.score


def test_engagement_bait_is_weaker_evidence_than_promotion():
    assert phrase_score(BAIT) < phrase_score("Check out my channel, I upload every day")


def test_engagement_bait_alone_is_not_hidden():
    assert check_comment(Candidate(content=BAIT)).verdict in ("ham", "hold")


def test_engagement_bait_with_promotion_is_spam():
    text = BAIT + " and subscribe to my channel for more"
    assert check_comment(Candidate(content=text)).verdict == "spam"
