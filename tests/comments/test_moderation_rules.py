"""Each WordPress-like rule, in order, through submit_comment."""

import pytest
from django.test import override_settings

from comments.models import Comment, ModerationTerm
from comments.moderation import TrustEvidence
from tests.comments.reader_helpers import make_comment, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def trusted(post, reader):
    """A signed-in reader with an approved comment: trusted, so only the rules can hold."""
    make_comment(post, user=reader)
    return {"user": reader, "trust": TrustEvidence(user=reader)}


def block(kind, value, list_name=ModerationTerm.List.BLOCKED):
    return ModerationTerm.objects.create(list=list_name, kind=kind, value=value)


def checks(comment):
    return [reason["check"] for reason in comment.spam_reasons]


def test_a_blocked_word_sends_the_comment_to_trash(post, trusted):
    block(ModerationTerm.Kind.WORD, "casinò")
    comment = submit(post, body="Il miglior CASINÒ online", **trusted)
    assert comment.status == Comment.Status.TRASH
    assert "moderation.blocked" in checks(comment)


def test_a_blocked_word_in_the_name_sends_the_comment_to_trash(post):
    block(ModerationTerm.Kind.WORD, "viagra")
    comment = submit(post, name="Cheap Viagra")
    assert comment.status == Comment.Status.TRASH


def test_a_blocked_email_sends_the_comment_to_trash(post):
    block(ModerationTerm.Kind.EMAIL, "spammer@example.net")
    comment = submit(post, email="Spammer@Example.net")
    assert comment.status == Comment.Status.TRASH


def test_a_blocked_ip_address_sends_the_comment_to_trash(post):
    block(ModerationTerm.Kind.IP, "203.0.113.5")
    assert submit(post, ip_address="203.0.113.5").status == Comment.Status.TRASH
    assert submit(post, ip_address="203.0.113.6").status == Comment.Status.PENDING


def test_a_blocked_network_sends_its_addresses_to_trash(post):
    block(ModerationTerm.Kind.IP, "198.51.100.0/24")
    assert submit(post, ip_address="198.51.100.77").status == Comment.Status.TRASH


def test_a_blocked_domain_in_a_link_or_website_sends_the_comment_to_trash(post):
    block(ModerationTerm.Kind.DOMAIN, "spam.example")
    assert submit(post, body="vedi https://www.shop.spam.example/x").status == Comment.Status.TRASH
    assert submit(post, url="http://spam.example").status == Comment.Status.TRASH
    assert submit(post, email="a@spam.example").status == Comment.Status.TRASH


def test_more_links_than_the_limit_hold_even_a_trusted_commenter(post, trusted):
    body = "https://a.example https://b.example https://c.example"
    comment = submit(post, body=body, **trusted)
    assert comment.status == Comment.Status.PENDING
    assert "moderation.too-many-links" in checks(comment)


def test_links_up_to_the_limit_do_not_hold_a_trusted_commenter(post, trusted):
    comment = submit(
        post,
        body=(
            "Due fonti utili: https://it.wikipedia.org/wiki/Net_Promoter_Score e la voce "
            "https://www.wikipedia.org sul servizio clienti."
        ),
        **trusted,
    )
    assert comment.status == Comment.Status.APPROVED, comment.spam_reasons


@override_settings(COMMENTS_MAX_LINKS=0)
def test_the_link_limit_is_read_from_the_settings_at_request_time(post, trusted):
    comment = submit(post, body="una sola https://it.wikipedia.org/wiki/Reclamo", **trusted)
    assert comment.status == Comment.Status.PENDING


def test_a_moderated_word_holds_a_trusted_commenter(post, trusted):
    block(ModerationTerm.Kind.WORD, "rimborso", ModerationTerm.List.MODERATED)
    comment = submit(post, body="Voglio un rimborso", **trusted)
    assert comment.status == Comment.Status.PENDING
    assert "moderation.moderated" in checks(comment)


def test_blocking_wins_over_holding(post, trusted):
    block(ModerationTerm.Kind.WORD, "rimborso", ModerationTerm.List.MODERATED)
    block(ModerationTerm.Kind.WORD, "truffa")
    comment = submit(post, body="rimborso truffa", **trusted)
    assert comment.status == Comment.Status.TRASH


@override_settings(COMMENTS_HOLD_ALL=True)
def test_the_hold_all_switch_holds_a_trusted_commenter(post, trusted):
    comment = submit(post, **trusted)
    assert comment.status == Comment.Status.PENDING
    assert "moderation.hold-all" in checks(comment)


def test_a_trusted_commenter_is_approved_directly(post, trusted):
    comment = submit(post, **trusted)
    assert comment.status == Comment.Status.APPROVED, comment.spam_reasons
    assert "moderation.trusted" in checks(comment), comment.spam_reasons


def test_everyone_else_is_held(post):
    comment = submit(post)
    assert comment.status == Comment.Status.PENDING
    assert "moderation.first-time" in checks(comment)


def test_a_term_of_the_other_list_does_not_match(post):
    block(ModerationTerm.Kind.WORD, "ciao", ModerationTerm.List.MODERATED)
    comment = submit(post, body="ciao a tutti")
    assert comment.status == Comment.Status.PENDING
    assert "moderation.blocked" not in checks(comment)


def test_a_guest_whose_comment_looks_like_spam_goes_to_the_spam_queue(post):
    comment = submit(post, body="Offerta imperdibile, clicca qui: https://shop.example/offerta")
    assert comment.spam_verdict == Comment.Verdict.SPAM
    assert comment.status == Comment.Status.SPAM


def test_a_trusted_commenter_whose_comment_looks_like_spam_is_held_not_sent_to_spam(post, trusted):
    comment = submit(
        post, body="Offerta imperdibile, clicca qui: https://shop.example/offerta", **trusted
    )
    assert comment.spam_verdict == Comment.Verdict.SPAM
    assert comment.status == Comment.Status.PENDING
    assert "links" in checks(comment)
