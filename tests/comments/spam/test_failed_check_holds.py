"""A spam check that fails holds the comment, even from a trusted commenter.

Both failures are real: a classifier row whose stored weights cannot be read, and an Akismet
(the local stand-in server) answering HTTP 500. Neither may approve a comment unchecked.
"""

import pytest

from comments.models import Comment
from comments.moderation import TrustEvidence
from comments.services import submit_comment
from comments.spam import store
from comments.spam.models import ClassifierState

from .conftest import make_comment

pytestmark = pytest.mark.django_db

BODY = "Grazie per l'articolo, lo giro al mio team di assistenza clienti."


def submit_as_trusted_reader(post, reader):
    return submit_comment(
        post=post,
        body=BODY,
        user=reader,
        ip_address="192.0.2.30",
        language="it",
        trust=TrustEvidence(user=reader),
    )


@pytest.fixture
def trusted_reader(post, reader):
    make_comment(post, user=reader, status=Comment.Status.APPROVED, body="Un commento approvato.")
    return reader


def test_the_same_comment_from_a_trusted_reader_is_approved_when_the_checks_work(
    post, trusted_reader
):
    comment = submit_as_trusted_reader(post, trusted_reader)
    assert comment.status == Comment.Status.APPROVED


def test_a_classifier_that_cannot_be_read_holds_a_trusted_readers_comment(post, trusted_reader):
    store.get_model()  # creates the row from the shipped model
    ClassifierState.objects.update(weights=b"not gzip at all", version=99)
    store.forget_cache()

    comment = submit_as_trusted_reader(post, trusted_reader)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert comment.spam_verdict == Comment.Verdict.HOLD
    failure = [r for r in comment.spam_reasons if r["check"] == "error"]
    assert failure and "BadGzipFile" in failure[0]["message"]


def test_an_akismet_answering_500_holds_a_trusted_readers_comment(post, trusted_reader, akismet):
    akismet.mode = "error"

    comment = submit_as_trusted_reader(post, trusted_reader)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert any(r["check"] == "akismet" for r in comment.spam_reasons)
