"""purge_comments: old spam and trash go, old comments forget their IP and user agent."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment
from tests.comments.moderation_factories import make_comment

Status = Comment.Status


def aged(comment, *, days, field="updated_at"):
    """Pretend the comment was last changed (or submitted) `days` ago."""
    Comment.objects.filter(pk=comment.pk).update(**{field: timezone.now() - timedelta(days=days)})
    return comment


def purge(*args):
    out = StringIO()
    call_command("purge_comments", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_spam_and_trash_older_than_the_limit_are_deleted_and_the_rest_kept(post):
    old_spam = aged(make_comment(post=post, status=Status.SPAM), days=31)
    old_trash = aged(make_comment(post=post, status=Status.TRASH), days=40)
    new_spam = aged(make_comment(post=post, status=Status.SPAM), days=29)
    old_pending = aged(make_comment(post=post, status=Status.PENDING), days=90)
    old_approved = aged(make_comment(post=post, status=Status.APPROVED), days=90)

    output = purge()

    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert remaining == {new_spam.pk, old_pending.pk, old_approved.pk}
    assert old_spam.pk not in remaining and old_trash.pk not in remaining
    assert "Deleted 1 spam and 1 trashed comments older than 30 days." in output


@pytest.mark.django_db
def test_the_age_limit_for_spam_is_an_option(post):
    aged(make_comment(post=post, status=Status.SPAM), days=8)
    output = purge("--spam-days", "7")
    assert not Comment.objects.exists()
    assert "older than 7 days" in output


@pytest.mark.django_db
def test_trash_with_a_live_reply_below_it_is_kept_so_the_reply_survives(post):
    trashed = aged(make_comment(post=post, status=Status.TRASH), days=60)
    middle = aged(make_comment(post=post, parent=trashed, status=Status.TRASH), days=60)
    reply = make_comment(post=post, parent=middle, status=Status.APPROVED)
    lone = aged(make_comment(post=post, status=Status.SPAM), days=60)

    purge()

    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert remaining == {trashed.pk, middle.pk, reply.pk}
    assert lone.pk not in remaining


@pytest.mark.django_db
def test_a_dead_thread_goes_as_a_whole(post):
    top = aged(make_comment(post=post, status=Status.SPAM), days=60)
    aged(make_comment(post=post, parent=top, status=Status.SPAM), days=60)
    purge()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_old_comments_lose_their_ip_user_agent_and_referrer(post):
    old = aged(
        make_comment(post=post, status=Status.APPROVED, referrer="https://ref.test/"),
        days=181,
        field="submitted_at",
    )
    recent = aged(make_comment(post=post, status=Status.APPROVED), days=10, field="submitted_at")

    output = purge()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent, old.referrer) == (None, "", "")
    assert old.body and old.author_name  # the comment itself stays
    assert recent.ip_address == "203.0.113.7"
    assert recent.user_agent == "Mozilla/5.0 (test)"
    assert "Anonymized 1 comments older than 90 days" in output


@pytest.mark.django_db
def test_the_anonymizing_age_is_an_option(post):
    comment = aged(make_comment(post=post), days=31, field="submitted_at")
    purge("--anonymize-days", "30")
    comment.refresh_from_db()
    assert comment.ip_address is None


@pytest.mark.django_db
def test_a_dry_run_reports_and_changes_nothing(post):
    spam = aged(make_comment(post=post, status=Status.SPAM), days=31)
    old = aged(make_comment(post=post), days=200, field="submitted_at")

    output = purge("--dry-run")

    assert Comment.objects.filter(pk=spam.pk).exists()
    old.refresh_from_db()
    assert old.ip_address == "203.0.113.7"
    assert "Dry run, nothing changed." in output
    assert "Would delete 1 spam and 0 trashed comments" in output
    assert "Would anonymize 1 comments older than 90 days" in output


@pytest.mark.django_db
def test_a_negative_age_is_refused():
    with pytest.raises(CommandError):
        purge("--spam-days", "-1")
