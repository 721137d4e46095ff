"""Moderators' decisions teach the classifier at once."""

import pytest

from comments.models import Comment
from comments.services import moderate
from comments.spam.models import ClassifierState
from comments.spam.pipeline import Candidate, check_comment

from .conftest import make_comment

SNEAKY = "Ciao a tutti, bellissime foto del convegno di Rimini, complimenti davvero"


def classifier_score(text):
    verdict = check_comment(Candidate(content=text))
    return next(r.score for r in verdict.reasons if r.check == "classifier")


@pytest.mark.django_db
def test_marking_a_comment_spam_raises_the_score_of_the_same_text(post):
    before = check_comment(Candidate(content=SNEAKY))
    comment = make_comment(post, body=SNEAKY)
    moderate(comment=comment, status=Comment.Status.SPAM)
    after = check_comment(Candidate(content=SNEAKY))
    assert before.verdict == "ham"
    assert after.score > before.score
    assert after.verdict == "spam"


@pytest.mark.django_db
def test_approving_a_comment_lowers_the_score_of_similar_text(post):
    text = "Check out this video on YouTube: il nostro webinar sul servizio clienti"
    before = classifier_score(text)
    comment = make_comment(post, body=text)
    moderate(comment=comment, status=Comment.Status.APPROVED)
    assert classifier_score(text) < before


@pytest.mark.django_db
def test_not_spam_after_spam_teaches_ham_again(post):
    comment = make_comment(post, body=SNEAKY)
    moderate(comment=comment, status=Comment.Status.SPAM)
    spammy = classifier_score(SNEAKY)
    moderate(comment=comment, status=Comment.Status.PENDING)
    assert classifier_score(SNEAKY) < spammy


@pytest.mark.django_db
def test_trashing_a_spam_marked_comment_teaches_nothing(post):
    comment = make_comment(post, body=SNEAKY)
    moderate(comment=comment, status=Comment.Status.SPAM)
    state = ClassifierState.objects.get()
    spammy = classifier_score(SNEAKY)
    moderate(comment=comment, status=Comment.Status.TRASH)
    state.refresh_from_db()
    assert (state.spam_learned, state.ham_learned) == (1, 0)
    assert classifier_score(SNEAKY) == spammy


@pytest.mark.django_db
def test_the_model_starts_from_the_shipped_one_and_counts_decisions(post):
    check_comment(Candidate(content="prima verifica"))
    state = ClassifierState.objects.get()
    assert state.examples > 1000  # trained on the CC BY 4.0 YouTube comments
    moderate(comment=make_comment(post, body=SNEAKY), status=Comment.Status.SPAM)
    state.refresh_from_db()
    assert (state.spam_learned, state.ham_learned, state.version) == (1, 0, 2)


@pytest.mark.django_db
def test_a_verdict_reads_only_the_model_version_once_it_is_cached():
    check_comment(Candidate(content="prima verifica"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        check_comment(Candidate(content="Utile, grazie"))
    statements = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"].upper()]
    # the model's version only: blocked terms are cached, short texts skip the duplicate check
    assert len(statements) == 1, statements


@pytest.mark.django_db
def test_a_classifier_that_cannot_learn_does_not_undo_the_moderation(post):
    check_comment(Candidate(content="prima verifica"))
    ClassifierState.objects.update(weights=b"not a model")
    from comments.spam import store

    store.forget_cache()
    comment = make_comment(post, body=SNEAKY)
    moderate(comment=comment, status=Comment.Status.SPAM)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM


@pytest.mark.django_db
def test_a_broken_stored_model_holds_comments_instead_of_failing():
    check_comment(Candidate(content="prima verifica"))
    ClassifierState.objects.update(weights=b"not a model", version=99)
    verdict = check_comment(Candidate(content="Articolo utile, grazie"))
    assert verdict.verdict == "hold"
    assert ClassifierState.objects.count() == 1  # the savepoint kept the transaction usable
