from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Unsubscription(models.Model):
    """An address that asked, through a signed link, to stop one kind of e-mail.

    Reply notifications are opt-in per comment (`Comment.notify_replies`); an unsubscription
    from replies covers the comments written before it, so ticking "e-mail me replies" on a
    later comment subscribes the person again.
    """

    class Kind(models.TextChoices):
        MODERATION = "moderation", _("Comments held for moderation")
        NEW_COMMENT = "new_comment", _("New comments on my articles")
        REPLIES = "replies", _("Replies to my comments")

    email = models.EmailField(_("e-mail"), max_length=254)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(_("unsubscribed"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")
        constraints = [
            models.UniqueConstraint(fields=["email", "kind"], name="unsubscription_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["moderation", "new_comment", "replies"]),
                name="unsubscription_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.get_kind_display()})"

    @staticmethod
    def normalize_email(email: str) -> str:
        return email.strip().lower()
