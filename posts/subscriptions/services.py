"""Writes to subscriptions: request, confirm, subscribe an account, change, leave, bounce.

Each is one transaction; views, the admin and the commands call them. E-mails are queued
as tasks when the transaction commits.
"""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blogsite import ratelimit
from posts.subscriptions import tasks
from posts.subscriptions.conf import subscription_settings
from posts.subscriptions.models import Subscription, normalize_email

Status = Subscription.Status


def _save(subscription: Subscription, *, status: str | None = None, now=None) -> Subscription:
    if status is not None and status != subscription.status:
        subscription.status = status
        subscription.status_changed_at = now or timezone.now()
    subscription.full_clean(validate_unique=False, validate_constraints=False)
    subscription.save()
    return subscription


def _validate_choice(*, email: str, language: str, frequency: str) -> None:
    """Raise ValidationError for a bad address, language or frequency, before any write."""
    Subscription(email=email, language=language, frequency=frequency).full_clean(
        exclude=["user"], validate_unique=False, validate_constraints=False
    )


def may_mail_address(email: str) -> bool:
    """Count one e-mail to an address that has not confirmed anything yet; False once it
    had ADDRESS_RATE_LIMIT of them."""
    return ratelimit.hit_address(
        scope="subscribe-address", email=email, rate=subscription_settings.ADDRESS_RATE_LIMIT
    )


@transaction.atomic
def request_subscription(
    *, email: str, language: str, frequency: str, ip: str | None = None
) -> Subscription:
    """Record a request from the public form and queue its answer: a confirmation link,
    or for an address already subscribed a note with its manage link (what it receives is
    only changed from that link). Raise ValidationError on a bad address or choice."""
    email = normalize_email(email)
    _validate_choice(email=email, language=language, frequency=frequency)
    now = timezone.now()
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        email=email,
        language=language,
        defaults={"frequency": frequency, "requested_ip": ip, "requested_at": now},
    )
    if not created and not subscription.is_active:
        subscription.frequency = frequency
        subscription.requested_at, subscription.requested_ip = now, ip
        subscription.confirmed_at = subscription.confirmed_ip = None
    _save(subscription, status=None if subscription.is_active else Status.PENDING, now=now)
    if may_mail_address(subscription.email):
        pk = subscription.pk
        transaction.on_commit(lambda: tasks.send_request_reply_task.enqueue(pk))
    return subscription


@transaction.atomic
def confirm_subscription(*, subscription_id: int, ip: str | None = None) -> Subscription | None:
    """Activate a subscription awaiting confirmation (the link proved the address).

    Return it whatever its state (None when it is gone); only a pending one changes, so an
    old link cannot bring back a subscription that was left since.
    """
    subscription = Subscription.objects.select_for_update().filter(pk=subscription_id).first()
    if subscription is not None and subscription.status == Status.PENDING:
        subscription.confirmed_at, subscription.confirmed_ip = timezone.now(), ip
        _save(subscription, status=Status.ACTIVE, now=subscription.confirmed_at)
    return subscription


def account_address(user) -> str:
    """The signed-in reader's verified primary address, or "" when they have none."""
    row = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary", "pk").first()
    return normalize_email(row.email) if row else ""


@transaction.atomic
def subscribe_account(*, user, language: str, frequency: str) -> Subscription:
    """Subscribe a signed-in reader's verified address at once (no e-mail to confirm).

    Raise ValidationError when the account has no verified address.
    """
    email = account_address(user)
    if not email:
        raise ValidationError(
            _("Confirm your account's e-mail address first, then subscribe with one click.")
        )
    _validate_choice(email=email, language=language, frequency=frequency)
    now = timezone.now()
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        email=email, language=language, defaults={"requested_at": now}
    )
    subscription.user, subscription.frequency = user, frequency
    if not subscription.is_active:
        subscription.confirmed_at = now
    return _save(subscription, status=Status.ACTIVE, now=now)


@transaction.atomic
def change_frequency(*, subscription: Subscription, frequency: str) -> Subscription:
    subscription.frequency = frequency
    return _save(subscription)


@transaction.atomic
def unsubscribe(*, subscription: Subscription) -> Subscription:
    """Stop every mail to this subscription (queued ones are skipped when their turn comes)."""
    if subscription.status in (Status.ACTIVE, Status.PENDING):
        _save(subscription, status=Status.UNSUBSCRIBED)
    return subscription


@transaction.atomic
def resubscribe(*, subscription: Subscription) -> Subscription:
    """Subscribe again from the manage link, which came by e-mail (so proves the address)."""
    if not subscription.is_active:
        subscription.confirmed_at = timezone.now()
        _save(subscription, status=Status.ACTIVE, now=subscription.confirmed_at)
    return subscription


@transaction.atomic
def record_bounce(*, email: str, complaint: bool = False) -> int:
    """Stop sending to an address whose mails bounce, or whose owner marked one as spam.

    Return how many of its subscriptions (one per language) stopped.
    """
    status = Status.COMPLAINED if complaint else Status.BOUNCED
    return (
        Subscription.objects.of_address(email)
        .exclude(status__in=[status, Status.UNSUBSCRIBED])
        .update(status=status, status_changed_at=timezone.now())
    )
