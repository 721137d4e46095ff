"""Old IP addresses are forgotten after PRIVACY_IP_RETENTION_DAYS (90 by default), with
requests never confirmed and addresses unsubscribed long ago."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment
from posts.subscriptions import services
from posts.subscriptions.models import Subscription
from tests.comments.moderation_factories import make_comment
from tests.subscriptions.conftest import make_subscriber

pytestmark = pytest.mark.django_db


def purge(*args):
    out = io.StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_ip_addresses_older_than_ninety_days_are_forgotten_everywhere(post):
    old_comment = make_comment(post=post, submitted_at=days_ago(91))
    new_comment = make_comment(post=post, submitted_at=days_ago(89))
    old, new = make_subscriber(), make_subscriber()
    Subscription.objects.filter(pk=old.pk).update(
        requested_at=days_ago(95), confirmed_at=days_ago(94)
    )
    output = purge()
    assert Comment.objects.get(pk=old_comment.pk).ip_address is None
    assert Comment.objects.get(pk=new_comment.pk).ip_address == "203.0.113.7"
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.requested_ip, old.confirmed_ip) == (None, None)
    assert old.status == "active"  # the subscription itself stays
    assert (new.requested_ip, new.confirmed_ip) == ("192.0.2.1", "192.0.2.2")
    assert "older than 90 days" in output


def test_the_number_of_days_is_a_setting_and_an_option(post, settings):
    comment = make_comment(post=post, submitted_at=days_ago(31))
    settings.PRIVACY_IP_RETENTION_DAYS = 60
    purge()
    assert Comment.objects.get(pk=comment.pk).ip_address == "203.0.113.7"
    purge("--ip-days", "30")
    assert Comment.objects.get(pk=comment.pk).ip_address is None


def test_requests_never_confirmed_and_addresses_long_unsubscribed_are_deleted():
    pending = make_subscriber(confirm=False)
    fresh_pending = make_subscriber(confirm=False)
    left = make_subscriber()
    services.unsubscribe(subscription=left)
    Subscription.objects.filter(pk=pending.pk).update(requested_at=days_ago(8))
    Subscription.objects.filter(pk=left.pk).update(status_changed_at=days_ago(31))
    purge()
    assert set(Subscription.objects.values_list("pk", flat=True)) == {fresh_pending.pk}
