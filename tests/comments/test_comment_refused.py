"""submit_comment is the one door for a new comment: every refusal comes from it, typed
with its reason and the message the reader is shown, whoever calls it."""

import pytest
from django.test import override_settings
from django.utils import translation

from comments.models import Comment
from comments.services import CommentRefused
from tests.comments.reader_helpers import make_comment, submit

pytestmark = pytest.mark.django_db


def refusal_of(post, **fields) -> CommentRefused:
    with translation.override("en"), pytest.raises(CommentRefused) as refused:
        submit(post, **fields)
    return refused.value


def test_a_closed_article_refuses_with_its_reason(post):
    post.comments_open = False
    post.save()
    refusal = refusal_of(post)
    assert refusal.reason == CommentRefused.CLOSED
    assert refusal.messages == ["Comments are closed for this article."]
    assert not Comment.objects.exists()


def test_a_reply_to_a_comment_the_reader_is_not_shown_is_refused(post):
    held = make_comment(post, status=Comment.Status.PENDING)
    assert refusal_of(post, reply_to=held.pk).reason == CommentRefused.REPLY_GONE
    # Its author is shown it (own ids, from the trust evidence), so may answer it.
    from comments.moderation import TrustEvidence

    reply = submit(post, reply_to=held.pk, trust=TrustEvidence(own_comment_ids=(held.pk,)))
    assert reply.parent == held


@override_settings(COMMENTS_RATE_LIMIT="2/d")  # a day: a minute window could reset mid-test
def test_the_third_comment_in_the_window_from_one_address_is_refused(post):
    submit(post, ip_address="198.51.100.7", rate_limited=True)
    submit(post, ip_address="198.51.100.7", rate_limited=True)
    refusal = refusal_of(post, ip_address="198.51.100.7", rate_limited=True)
    assert refusal.reason == CommentRefused.TOO_FAST
    assert "faster than we accept" in refusal.messages[0]
    submit(post, ip_address="198.51.100.8", rate_limited=True)  # another address is not held
    submit(post, ip_address="198.51.100.7", rate_limited=False)  # nor a non-reader caller


def test_bad_fields_are_refused_per_field(post):
    refusal = refusal_of(post, email="not-an-address", body="")
    assert refusal.reason == CommentRefused.INVALID
    assert {"author_email", "body"} <= set(refusal.message_dict)
