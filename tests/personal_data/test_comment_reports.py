"""A reader's reports of comments are personal data like the rest: in their export, made
anonymous when they are erased (the count that sent a comment to the queue stays), and
deleted with old addresses once a moderator has decided on the comment."""

import io
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from blogsite.personal_data.services import collect, erase_person, person_of_account
from comments import services
from comments.models import Comment, Flag
from tests.comments.moderation_factories import make_comment
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter():
    account = make_user(username="segnala", email="segnala@example.com")
    EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)
    return account


def report(comment, reader, address="198.51.100.1"):
    services.flag_comment(comment=comment, reader=reader, ip_address=address)
    return Flag.objects.get(comment=comment, reader=reader)


def test_the_export_lists_the_reports_made_from_the_account(post, reporter):
    comment = make_comment(post=post, status=Comment.Status.APPROVED)
    flagged = report(comment, f"u:{reporter.pk}")
    report(make_comment(post=post, status=Comment.Status.APPROVED), "u:999999")
    data = collect(person_of_account(reporter))
    assert data["comments"]["comments_reported"] == [
        {"comment": comment.pk, "reported_at": flagged.created_at}
    ]


def test_erasure_makes_the_reports_anonymous_and_keeps_their_count(post, reporter):
    comment = make_comment(post=post, status=Comment.Status.APPROVED)
    report(comment, f"u:{reporter.pk}")
    report(comment, "u:424242", address="203.0.113.50")
    result = erase_person(person=person_of_account(reporter), channel="admin")
    readers = set(Flag.objects.filter(comment=comment).values_list("reader", flat=True))
    assert f"u:{reporter.pk}" not in readers and "u:424242" in readers
    assert len(readers) == 2 and all(r.startswith(("a:", "u:")) for r in readers)
    assert result["comments"]["reports_anonymized"] == 1


def test_reviewed_reports_go_with_old_addresses_and_the_rest_stay(post, settings):
    settings.PRIVACY_IP_RETENTION_DAYS = 90
    old_reviewed = report(make_comment(post=post, status=Comment.Status.APPROVED), "a:" + "1" * 64)
    old_open = report(make_comment(post=post, status=Comment.Status.APPROVED), "a:" + "2" * 64)
    new_reviewed = report(make_comment(post=post, status=Comment.Status.APPROVED), "a:" + "3" * 64)
    long_ago, now = timezone.now() - timedelta(days=91), timezone.now()
    Flag.objects.filter(pk=old_reviewed.pk).update(created_at=long_ago, reviewed_at=long_ago)
    Flag.objects.filter(pk=old_open.pk).update(created_at=long_ago)
    Flag.objects.filter(pk=new_reviewed.pk).update(reviewed_at=now)
    call_command("purge_personal_data", stdout=io.StringIO())
    assert set(Flag.objects.values_list("pk", flat=True)) == {old_open.pk, new_reviewed.pk}
