"""Subscribers, the mailings sent to them and the record of every message.

Integrity is the database's: one subscription per address and language, one mailing per
article (and per language and week for the digest), one delivery per mailing and
subscriber. Two app servers, two workers or a task run twice can therefore never queue an
article twice for anyone.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts.languages import language_choices


def normalize_email(email: str) -> str:
    """The form every address is stored and compared in."""
    return (email or "").strip().lower()


class SubscriptionQuerySet(models.QuerySet):
    def receiving(self, *, language: str, frequency: str):
        """Confirmed subscriptions of `language` that want `frequency` mails."""
        return self.filter(
            status=Subscription.Status.ACTIVE, language=language, frequency=frequency
        )

    def of_address(self, email: str):
        return self.filter(email=normalize_email(email))

    def counts(self) -> dict[tuple[str, str], int]:
        """{(language, status): count} in one grouped query, for the admin's summary."""
        rows = self.order_by().values_list("language", "status").annotate(n=Count("pk"))
        return {(language, status): n for language, status, n in rows}


class Subscription(models.Model):
    """An address that receives new articles of one language, each or as a weekly digest."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")

    class Frequency(models.TextChoices):
        EACH = "each", _("Each new article")
        WEEKLY = "weekly", _("A weekly digest")

    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(_("language"), max_length=7, choices=language_choices)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.EACH
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="article_subscriptions",
        help_text=_("Set when a signed-in reader subscribed with their account's address."),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    # Proof of the double opt-in: when and from where it was asked and confirmed. The
    # addresses are forgotten after PRIVACY_IP_RETENTION_DAYS (purge_personal_data).
    requested_ip = models.GenericIPAddressField(_("requested from"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_ip = models.GenericIPAddressField(_("confirmed from"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "language"], name="one_subscription_per_address_and_language"
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["pending", "active", "unsubscribed", "bounced", "complained"]
                ),
                name="subscription_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=["each", "weekly"]), name="subscription_frequency_valid"
            ),
        ]
        indexes = [models.Index(fields=["language", "frequency", "status"])]

    def __str__(self):
        return f"{self.email} ({self.language})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Mailing(models.Model):
    """One sending: a new article to its language's subscribers, or a week's digest."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("New article")
        DIGEST = "digest", _("Weekly digest")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=7, choices=language_choices)
    post = models.ForeignKey(
        "posts.Post",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    period_start = models.DateTimeField(_("from"), null=True, blank=True)
    period_end = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        constraints = [
            # Many NULLs are allowed by both databases: digests have no article.
            models.UniqueConstraint(fields=["post"], name="one_mailing_per_article"),
            models.UniqueConstraint(
                fields=["language", "period_start"],
                condition=Q(kind="digest"),
                name="one_digest_per_language_and_week",
            ),
            models.CheckConstraint(
                condition=Q(kind="article", post__isnull=False)
                | Q(kind="digest", period_start__isnull=False, period_end__isnull=False),
                name="mailing_kind_has_its_subject",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.ARTICLE:
            return f"{self.get_kind_display()}: {self.post_id}"
        return f"{self.get_kind_display()} ({self.language}, {self.period_start:%Y-%m-%d})"


class Delivery(models.Model):
    """One message of a mailing to one subscriber: queued, being sent, sent, or why not."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    mailing = models.ForeignKey(
        Mailing, verbose_name=_("mailing"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A failed message waits until then before its next attempt.
    not_before = models.DateTimeField(_("not before"), default=timezone.now)
    # Which task run took the message (a random token) and when: the run that took it is
    # the only one that sends it.
    claim = models.CharField(_("claim"), max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscription"], name="one_delivery_per_mailing_and_subscriber"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "sending", "sent", "failed", "skipped"]),
                name="delivery_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["mailing", "status", "not_before"])]

    def __str__(self):
        return f"{self.mailing} → {self.subscription_id}: {self.status}"
