"""Thresholds and the mapping from combined score to verdict."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.spam.pipeline import Candidate, check_comment, verdict_for_score
from comments.spam.tokens import issue_form_token


@pytest.mark.parametrize(
    ("score", "verdict"),
    [(0.0, "ham"), (0.49, "ham"), (0.5, "hold"), (0.84, "hold"), (0.85, "spam"), (1.0, "spam")],
)
def test_scores_map_to_ham_hold_and_spam_with_the_default_thresholds(settings, score, verdict):
    settings.SPAM_THRESHOLD = 0.85
    settings.SPAM_HOLD_THRESHOLD = 0.5
    assert verdict_for_score(score) == verdict


def test_thresholds_are_settings(settings):
    settings.SPAM_THRESHOLD = 0.99
    settings.SPAM_HOLD_THRESHOLD = 0.95
    assert verdict_for_score(0.9) == "ham"
    assert verdict_for_score(0.96) == "hold"


@pytest.mark.django_db
def test_an_ordinary_comment_is_ham():
    verdict = check_comment(
        Candidate(content="Articolo chiaro e utile, grazie per gli esempi concreti.")
    )
    assert verdict.verdict == "ham"
    assert 0.0 <= verdict.score < 0.5
    assert [reason.check for reason in verdict.reasons] == ["classifier"]


@pytest.mark.django_db
def test_typical_link_spam_is_spam_with_its_reasons():
    verdict = check_comment(
        Candidate(
            content="Check out my channel and subscribe!! http://free-money.example.xyz/?ref=1"
        )
    )
    assert verdict.verdict == "spam"
    assert {"links", "phrases", "classifier"} <= {reason.check for reason in verdict.reasons}
    assert all(reason.message for reason in verdict.reasons)


@pytest.mark.django_db
def test_a_filled_honeypot_is_discarded(post):
    verdict = check_comment(
        Candidate(
            content="Grazie", post_id=post.pk, honeypot="x", form_token=issue_form_token(post.pk)
        )
    )
    assert (verdict.verdict, verdict.score) == ("discard", 1.0)


@pytest.mark.django_db
def test_a_too_fast_form_holds_an_otherwise_clean_comment(post):
    verdict = check_comment(
        Candidate(
            content="Articolo chiaro e utile, grazie per gli esempi concreti.",
            post_id=post.pk,
            honeypot="",
            form_token=issue_form_token(post.pk),
            submitted_at=timezone.now(),
        )
    )
    assert verdict.verdict == "hold"
    assert "too_fast" in [reason.check for reason in verdict.reasons]


@pytest.mark.django_db
def test_a_clean_form_submission_is_ham(post):
    verdict = check_comment(
        Candidate(
            content="Articolo chiaro e utile, grazie per gli esempi concreti.",
            post_id=post.pk,
            honeypot="",
            form_token=issue_form_token(post.pk),
            submitted_at=timezone.now() + timedelta(seconds=20),
        )
    )
    assert verdict.verdict == "ham"


@pytest.mark.django_db
def test_a_failing_check_holds_the_comment_instead_of_raising(settings):
    settings.SPAM_THRESHOLD = "not a number"  # makes the verdict mapping fail
    verdict = check_comment(Candidate(content="Articolo utile"))
    assert verdict.verdict == "hold"
    assert verdict.reasons_as_json()[0]["check"] == "error"


def test_verdict_reasons_serialise_to_a_list_of_dicts():
    from comments.spam.pipeline import Reason, Verdict

    verdict = Verdict("hold", 0.6, [Reason("links", 0.7, "links", {"count": 2})])
    assert verdict.reasons_as_json() == [
        {
            "check": "links",
            "score": 0.7,
            "message": "Contains 2 links.",
            "says": "links",
            "params": {"count": 2},
        }
    ]


@pytest.mark.django_db
def test_a_hold_demanded_by_a_check_is_marked_floored_and_a_score_hold_is_not(post):
    forged = check_comment(
        Candidate(
            content="Articolo chiaro e utile, grazie per gli esempi concreti.",
            post_id=post.pk,
            honeypot="",
            form_token="forged",
        )
    )
    assert forged.verdict == "hold"
    assert forged.floored
    ordinary = check_comment(
        Candidate(content="Articolo chiaro e utile, grazie per gli esempi concreti.")
    )
    assert not ordinary.floored
