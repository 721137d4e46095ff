import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from comments import services
from comments.models import Comment
from comments.moderation import TrustEvidence
from comments.signals import comment_submitted
from comments.spam import pipeline
from tests.comments.reader_helpers import make_comment, submit

pytestmark = pytest.mark.django_db


def test_a_first_time_guest_comment_is_saved_as_pending_with_its_reasons(post):
    comment = submit(post, body="Ottimo articolo.")

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert comment.spam_verdict == Comment.Verdict.HAM
    assert comment.root_id is None  # a top-level comment is its own thread
    assert comment.thread_id == comment.pk
    assert comment.depth == 0
    assert comment.ip_address == "192.0.2.10"
    assert any(r["check"] == "moderation.first-time" for r in comment.spam_reasons)


def test_submit_announces_the_comment_after_the_transaction_commits(
    post, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, comment, **kwargs):
        received.append(comment.pk)

    comment_submitted.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            comment = submit(post)
        assert received == []
        for callback in callbacks:
            callback()
    finally:
        comment_submitted.disconnect(receiver)
    assert received == [comment.pk]


def unsaved(post, **fields):
    return Comment(
        post=post,
        author_name="Anna",
        author_email="anna@example.com",
        body="Testo",
        submitted_at=timezone.now(),
        **fields,
    )


def test_a_spam_verdict_marks_the_comment_spam_with_its_score_and_reasons(post):
    comment = unsaved(post)
    verdict = pipeline.Verdict(
        "spam", 0.97, [pipeline.Reason("test.check", 0.97, "phrases", {"phrases": ["spammy"]})]
    )

    services.apply_rules(comment, verdict=verdict, trust=TrustEvidence())

    assert comment.status == Comment.Status.SPAM
    assert comment.spam_verdict == "spam"
    assert comment.spam_score == pytest.approx(0.97)
    assert comment.spam_reasons[0]["check"] == "test.check"
    assert any(r["check"].startswith("moderation.") for r in comment.spam_reasons)


def test_a_discard_verdict_is_kept_as_spam_not_lost(post):
    comment = unsaved(post)
    services.apply_rules(
        comment, verdict=pipeline.Verdict("discard", 1.0, []), trust=TrustEvidence()
    )
    assert comment.status == Comment.Status.SPAM
    assert comment.spam_verdict == "discard"


def test_a_hold_that_a_check_demanded_holds_even_a_trusted_commenter(post, reader):
    make_comment(post, user=reader)
    comment = unsaved(post, user=reader)
    verdict = pipeline.Verdict("hold", 0.5, [], floored=True)
    services.apply_rules(comment, verdict=verdict, trust=TrustEvidence(user=reader))
    assert comment.status == Comment.Status.PENDING


def test_the_uncertain_band_does_not_hold_a_trusted_commenter(post, reader):
    make_comment(post, user=reader)
    comment = unsaved(post, user=reader)
    verdict = pipeline.Verdict("hold", 0.6, [])
    services.apply_rules(comment, verdict=verdict, trust=TrustEvidence(user=reader))
    assert comment.status == Comment.Status.APPROVED


def test_the_uncertain_band_holds_a_guest(post):
    comment = unsaved(post)
    services.apply_rules(comment, verdict=pipeline.Verdict("hold", 0.6, []), trust=TrustEvidence())
    assert comment.status == Comment.Status.PENDING


def test_a_ham_verdict_lets_a_trusted_commenter_through(post, reader):
    make_comment(post, user=reader)
    comment = unsaved(post, user=reader)
    services.apply_rules(
        comment, verdict=pipeline.Verdict("ham", 0.0, []), trust=TrustEvidence(user=reader)
    )
    assert comment.status == Comment.Status.APPROVED


def test_the_spam_candidate_carries_everything_known_about_the_comment(post):
    comment = unsaved(
        post,
        author_url="https://anna.example",
        ip_address="192.0.2.7",
        user_agent="Firefox",
        referrer="https://example.com/",
        language="it",
    )
    candidate = services.candidate_for(
        comment, permalink="http://testserver/a/", honeypot="", form_token="tok"
    )
    assert candidate.content == "Testo"
    assert candidate.author == "Anna"
    assert candidate.email == "anna@example.com"
    assert candidate.url == "https://anna.example"
    assert candidate.post_id == post.pk
    assert candidate.ip_address == "192.0.2.7"
    assert candidate.user_agent == "Firefox"
    assert candidate.referrer == "https://example.com/"
    assert candidate.permalink == "http://testserver/a/"
    assert candidate.honeypot == ""
    assert candidate.form_token == "tok"
    assert candidate.is_authenticated is False


def test_a_signed_in_commenter_is_named_from_the_account(post, reader):
    reader.first_name, reader.last_name = "Luca", "Verdi"
    reader.save()
    comment = submit(post, user=reader, name="Someone Else", email="fake@example.com")
    assert comment.user == reader
    assert comment.author_name == "Luca Verdi"
    assert comment.author_email == reader.email


def test_invalid_data_raises_a_validation_error_and_saves_nothing(post):
    with pytest.raises(ValidationError) as error:
        submit(post, email="not-an-address", body="")
    assert "author_email" in error.value.message_dict
    assert "body" in error.value.message_dict
    assert not Comment.objects.exists()


def test_a_reply_to_another_articles_comment_is_refused(post):
    from tests.conftest import make_post

    other = make_comment(make_post())
    with pytest.raises(ValidationError):
        submit(post, parent=other)
