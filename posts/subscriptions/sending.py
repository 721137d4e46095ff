"""Sending a mailing's queued deliveries in batches: claim, send, record.

A batch is claimed in one short transaction: the queued rows are locked (skipping rows
another worker holds, on PostgreSQL) and marked "sending" with this run's random claim,
so no other run can take them. They are then sent over one connection and each outcome
recorded. A message is sent at most once: a run that dies after claiming leaves its rows
"sending", and the sweep marks them failed rather than risk a second copy. A message the
mail server refused for now goes back to the queue for a later attempt, up to
MAX_ATTEMPTS; an address it refuses for good is recorded as a bounce.

Each batch costs the same few queries whatever its size or the mailing's: claim (select,
update, read with the subscribers), then one update per outcome.
"""

import secrets
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from posts.subscriptions import letters, services, tokens
from posts.subscriptions.conf import subscription_settings
from posts.subscriptions.mailings import digest_posts
from posts.subscriptions.models import Delivery, Mailing, Subscription

Status = Delivery.Status
# Rows left "sending" this long were taken by a run that died: never sent again.
INTERRUPTED_AFTER = timedelta(hours=1)
BUDGET_SECONDS = 60  # a task hands over to a new one after this long (frees the worker)


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    retrying: int = 0
    batches: int = 0
    more_now: bool = False  # stopped at the time budget with messages still due
    next_retry: datetime | None = None  # when the earliest message waiting to retry is due


def claim_batch(mailing_id: int, *, size: int, now: datetime) -> list[Delivery]:
    """Take up to `size` queued deliveries of the mailing for this run, with subscribers."""
    claim = secrets.token_hex(16)
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(
                mailing_id=mailing_id, status=Status.QUEUED, not_before__lte=now
            )
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=Status.QUEUED).update(
            status=Status.SENDING, claim=claim, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(
        Delivery.objects.filter(pk__in=ids, claim=claim, status=Status.SENDING)
        .select_related("subscription")
        .order_by("pk")
    )


def wanted(subscription: Subscription, mailing: Mailing) -> bool:
    """Whether the subscriber still wants this mailing (they may have left or changed)."""
    frequency = (
        Subscription.Frequency.EACH
        if mailing.kind == Mailing.Kind.ARTICLE
        else Subscription.Frequency.WEEKLY
    )
    return subscription.is_active and subscription.frequency == frequency


def retry_delay(attempts: int) -> timedelta:
    """How long a message waits after its `attempts`-th failure: doubling each time."""
    return timedelta(minutes=subscription_settings.RETRY_MINUTES * 2 ** (attempts - 1))


def refused_for_good(error: Exception) -> bool:
    """Whether the mail server refused every recipient with a permanent (5xx) answer: the
    address does not exist, and trying again would only annoy the server."""
    return isinstance(error, smtplib.SMTPRecipientsRefused) and all(
        code >= 500 for code, _message in error.recipients.values()
    )


def _record(
    batch: list[Delivery], *, sent, skipped, failed: dict, now: datetime, report, bounced=None
):
    """Write the batch's outcomes: one update per kind of outcome (and per attempt count
    for the failures, at most MAX_ATTEMPTS of them). bounced maps the deliveries refused
    for good to their addresses: they fail at once, and each address is recorded as a
    bounce, which stops every mail to it."""
    bounced = bounced or {}
    for email in set(bounced.values()):
        services.record_bounce(email=email)
    if sent:
        Delivery.objects.filter(pk__in=sent).update(status=Status.SENT, sent_at=now, error="")
        report.sent += len(sent)
    if skipped:
        Delivery.objects.filter(pk__in=skipped).update(status=Status.SKIPPED)
        report.skipped += len(skipped)
    by_attempts: dict[int, list[int]] = {}
    for delivery in batch:
        if delivery.pk in failed:
            # Refused for good: as if its last attempt had been spent.
            attempts = subscription_settings.MAX_ATTEMPTS if delivery.pk in bounced else None
            by_attempts.setdefault(attempts or delivery.attempts, []).append(delivery.pk)
    for attempts, ids in by_attempts.items():
        error = failed[ids[0]][:300]
        rows = Delivery.objects.filter(pk__in=ids)
        if attempts >= subscription_settings.MAX_ATTEMPTS:
            rows.update(status=Status.FAILED, error=error)
            report.failed += len(ids)
        else:
            due = now + retry_delay(attempts)
            rows.update(status=Status.QUEUED, not_before=due, claim="", error=error)
            report.retrying += len(ids)
            report.next_retry = min(due, report.next_retry or due)


def _deliver(mailing, letter, batch, connection, report, now):
    sent, skipped, failed, bounced = [], [], {}, {}
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 (the server is down: every message waits)
        failed = {delivery.pk: f"{type(error).__name__}: {error}" for delivery in batch}
        _record(batch, sent=sent, skipped=skipped, failed=failed, now=now, report=report)
        return
    for delivery in batch:
        subscription = delivery.subscription
        if not wanted(subscription, mailing):
            skipped.append(delivery.pk)
            continue
        message = letter.to(
            email=subscription.email,
            token=tokens.manage_token(subscription.pk),
            connection=connection,
        )
        try:
            if connection.send_messages([message]) == 1:
                sent.append(delivery.pk)
            else:
                failed[delivery.pk] = "not accepted by the mail server"
        except Exception as error:  # noqa: BLE001 (recorded; the message is tried again)
            failed[delivery.pk] = f"{type(error).__name__}: {error}"
            if refused_for_good(error):
                bounced[delivery.pk] = subscription.email
    _record(
        batch, sent=sent, skipped=skipped, failed=failed, now=now, report=report, bounced=bounced
    )


def letter_for(mailing: Mailing):
    """The mailing's letter, rendered once for all its batches (None: nothing to say)."""
    if mailing.kind == Mailing.Kind.ARTICLE:
        return letters.article_letter(mailing.post)
    posts = list(
        digest_posts(language=mailing.language, start=mailing.period_start, end=mailing.period_end)
    )
    if not posts:
        return None
    return letters.digest_letter(
        posts,
        language=mailing.language,
        period_start=mailing.period_start,
        period_end=mailing.period_end,
    )


def finish_if_done(mailing_id: int, *, now: datetime) -> bool:
    """Mark the mailing finished when nothing is queued or being sent any more."""
    busy = Delivery.objects.filter(
        mailing_id=mailing_id, status__in=[Status.QUEUED, Status.SENDING]
    )
    if busy.exists():
        return False
    Mailing.objects.filter(pk=mailing_id, finished_at__isnull=True).update(finished_at=now)
    return True


def send_mailing(
    mailing_id: int,
    *,
    budget_seconds: float = BUDGET_SECONDS,
    on_batch: Callable[[int], None] | None = None,
) -> SendReport:
    """Send the mailing's due deliveries, batch after batch, until none is left or the
    time budget is spent. on_batch(size) is called after each batch (bench/subscriptions.py
    reads its query count and memory there)."""
    report = SendReport()
    mailing = Mailing.objects.select_related("post").filter(pk=mailing_id).first()
    if mailing is None:
        return report
    letter = None
    connection = get_connection()
    deadline = time.monotonic() + budget_seconds
    try:
        while True:
            now = timezone.now()
            batch = claim_batch(mailing.pk, size=subscription_settings.BATCH_SIZE, now=now)
            if not batch:
                break
            letter = letter or letter_for(mailing)
            if letter is None:  # a digest whose articles were all taken back meanwhile
                _record(
                    batch,
                    sent=[],
                    skipped=[d.pk for d in batch],
                    failed={},
                    now=now,
                    report=report,
                )
            else:
                _deliver(mailing, letter, batch, connection, report, now)
            report.batches += 1
            if on_batch is not None:
                on_batch(len(batch))
            if time.monotonic() >= deadline:
                report.more_now = True
                break
    finally:
        connection.close()
    if not report.more_now:
        finish_if_done(mailing.pk, now=timezone.now())
    return report


def mark_interrupted(*, now: datetime) -> int:
    """Fail the deliveries a dead run left "sending" (whether they went out is unknown, and
    a second copy is worse than a missing one), and finish the mailings left with nothing
    to send."""
    interrupted = Delivery.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - INTERRUPTED_AFTER
    ).update(status=Status.FAILED, error="interrupted while sending; not sent again")
    busy = Delivery.objects.filter(
        mailing=OuterRef("pk"), status__in=[Status.QUEUED, Status.SENDING]
    )
    Mailing.objects.filter(finished_at__isnull=True).filter(~Exists(busy)).update(finished_at=now)
    return interrupted
