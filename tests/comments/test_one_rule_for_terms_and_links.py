"""Moderation rules and spam evidence share one term matcher, one link count, one limit,
and one mapping from a moderator's decision to what the spam filter learns."""

import pytest
from django.core.management import call_command

from comments.models import Comment, ModerationTerm
from comments.moderation import CommentModerator, training_label
from comments.services import build_comment
from comments.spam import checks
from comments.spam.pipeline import Candidate
from comments.terms import count_links

pytestmark = pytest.mark.django_db


def both_verdicts(post, *, body="Grazie per l'articolo.", ip="10.1.2.3", email="a@example.com"):
    """(the moderation decision's status, the spam check's finding) for one comment."""
    comment = build_comment(
        post=post, body=body, author_name="Ada", author_email=email, ip_address=ip
    )
    decision = CommentModerator().decide(comment, trusted_by=None)
    finding = checks.check_blocked_terms(
        checks.Sample(Candidate(content=body, author="Ada", email=email, ip_address=ip))
    )
    return decision.status, finding


def test_a_blocked_ip_range_is_matched_by_the_rules_and_the_spam_check_alike(post):
    ModerationTerm.objects.create(list="blocked", kind="ip", value="10.0.0.0/8")
    status, finding = both_verdicts(post, ip="10.1.2.3")
    assert status == Comment.Status.TRASH
    assert finding is not None and finding.reason.check == "blocked_ip"
    status, finding = both_verdicts(post, ip="192.0.2.1")
    assert status != Comment.Status.TRASH and finding is None


def test_a_blocked_domain_in_a_bare_host_name_is_matched_by_both(post):
    ModerationTerm.objects.create(list="blocked", kind="domain", value="pills.example.com")
    status, finding = both_verdicts(post, body="Offerte su shop.pills.example.com oggi")
    assert status == Comment.Status.TRASH
    assert finding.reason.check == "blocked_domain"


def test_a_term_added_after_the_first_comment_applies_at_once_to_both(post):
    assert both_verdicts(post, body="Il miglior casino online")[0] != Comment.Status.TRASH
    ModerationTerm.objects.create(list="blocked", kind="word", value="casino")
    status, finding = both_verdicts(post, body="Il miglior casino online")
    assert status == Comment.Status.TRASH and finding is not None


def test_links_are_counted_once_the_same_way_bare_hosts_and_anchors_included():
    body = 'Vedi https://a.example.org, www.b.example.org, c.example.com e <a href="https://d.io">qui</a>'
    assert count_links(body) == 4


@pytest.mark.parametrize("limit", [1, 3])
def test_one_setting_decides_too_many_links_for_the_rules_and_the_spam_check(
    post, settings, limit
):
    settings.COMMENTS_MAX_LINKS = limit
    body = "Fonti: https://youtu.be/a https://youtu.be/b e basta"  # two trusted links
    comment = build_comment(post=post, body=body, author_name="Ada", author_email="a@example.com")
    held_by_rules = any(
        r["check"] == "moderation.too-many-links"
        for r in CommentModerator().decide(comment, trusted_by="account").reasons
    )
    spam_evidence = checks.check_links(checks.Sample(Candidate(content=body)))
    assert held_by_rules == (limit == 1)
    assert (spam_evidence is not None) == (limit == 1)


def test_the_old_spam_links_setting_is_reported_by_check(settings, capsys):
    settings.SPAM_MAX_LINKS = 3
    call_command("check")
    assert "SPAM_MAX_LINKS" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [
        ("pending", "approved", "ham"),
        ("pending", "spam", "spam"),
        ("spam", "pending", "ham"),
        ("spam", "approved", "ham"),
        ("spam", "trash", None),
        ("pending", "trash", None),
        ("approved", "pending", None),
    ],
)
def test_a_moderators_decision_maps_to_one_training_label(old, new, label):
    assert training_label(old_status=old, new_status=new) == label
