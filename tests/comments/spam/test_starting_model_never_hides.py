"""The shipped starting model alone never sends a reader's comment to spam.

It learned from YouTube comments, where "please", "help" and "check" mark spam; on a blog
they are how readers ask questions. Spam needs evidence of this site's own: what its
moderators taught, links, blocked terms, repeats, Akismet. Without it the worst is "held".
"""

import pytest

from comments.models import Comment, ModerationTerm
from comments.services import moderate, submit_comment
from comments.spam import store
from comments.spam.classifier import extract_features, load_base_model, sigmoid
from comments.spam.pipeline import Candidate, check_comment

from .conftest import make_comment

pytestmark = pytest.mark.django_db

QUESTION = (
    "I have an excel file saved on my desktop. I cannot upload it to R. Can someone please help?"
)
BLOG_COMMENTS = [
    QUESTION,
    "Can someone please help me understand how CES differs from a simple satisfaction question?",
    "Please check the link in footnote 3, it goes to a page that no longer exists.",
    "Please help me find the earlier post about refund policies, the search does not work.",
]


def test_the_shipped_model_alone_scores_the_question_as_near_certain_spam():
    # The premise: on its own score (SPAM_THRESHOLD 0.85) this comment would be hidden.
    prior = load_base_model().decision(extract_features(QUESTION))
    assert sigmoid(prior) >= 0.85


@pytest.mark.parametrize("text", BLOG_COMMENTS)
def test_ordinary_questions_are_at_worst_held(text):
    verdict = check_comment(Candidate(content=text))
    assert verdict.verdict in ("ham", "hold")


def test_a_held_question_says_only_the_starting_model_pointed_to_spam():
    verdict = check_comment(Candidate(content=QUESTION))
    assert verdict.verdict == "hold"
    assert "starting_model" in [reason.check for reason in verdict.reasons]


def test_a_readers_question_lands_in_the_moderation_queue_not_in_spam(post):
    comment = submit_comment(
        post=post, body=QUESTION, name="Sam", email="sam@example.com", ip_address="192.0.2.40"
    )
    assert comment.status == Comment.Status.PENDING


def test_what_moderators_taught_is_evidence_enough_for_spam(post):
    text = "Can someone please help me with my account, I lost my order number"
    assert check_comment(Candidate(content=text)).verdict != "spam"
    moderate(comment=make_comment(post, body=text), status=Comment.Status.SPAM)
    assert check_comment(Candidate(content=text)).verdict == "spam"


def test_learning_changes_the_sites_weights_and_leaves_the_starting_model_as_shipped(post):
    shipped = load_base_model()
    moderate(comment=make_comment(post, body=QUESTION), status=Comment.Status.APPROVED)
    model = store.get_model()
    assert model.weights == shipped.weights
    assert model.bias == shipped.bias
    prior, taught = model.split_decision(extract_features(QUESTION))
    assert taught < 0  # the approval points away from spam


def test_a_blocked_word_is_evidence_beyond_the_starting_model():
    ModerationTerm.objects.create(list="blocked", kind="word", value="casino online")
    verdict = check_comment(Candidate(content="Can someone please help? casino online bonus"))
    assert verdict.verdict == "spam"


def test_links_to_several_unknown_sites_are_evidence_beyond_the_starting_model():
    verdict = check_comment(
        Candidate(
            content="Please help, cheap deals http://deals.example.xyz and http://promo.example.biz"
        )
    )
    assert verdict.verdict == "spam"


def test_a_reader_citing_one_source_is_held_rather_than_hidden():
    verdict = check_comment(
        Candidate(
            content="Consiglio la lettura dell'articolo originale sulla Harvard Business "
            "Review: https://hbr.org/2003/12/the-one-number-you-need-to-grow"
        )
    )
    assert verdict.verdict in ("ham", "hold")
