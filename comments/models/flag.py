from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FlagQuerySet(models.QuerySet):
    def unreviewed(self):
        """Flags no moderator has decided on yet (a decision on the comment reviews them)."""
        return self.filter(reviewed_at__isnull=True)

    def source_count(self) -> int:
        """How many different sources (network addresses) these flags came from."""
        return self.values("source").distinct().count()


class Flag(models.Model):
    """A reader's report that a published comment needs a moderator's look.

    One per reader and comment (a database constraint). After COMMENTS_FLAGS_TO_HOLD flags
    from as many different sources, the comment goes back to the queue with the reason.
    """

    comment = models.ForeignKey(
        "comments.Comment",
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="flags",
    )
    # The reader's key, as the reactions keep it: "u:<account id>" or "a:<hash of the
    # browser's anonymous id>", never a cookie's value.
    reader = models.CharField(_("reader"), max_length=80)
    # A keyed hash of the address the flag came from: several browsers behind one address
    # count once, and no address is stored.
    source = models.CharField(_("source"), max_length=64)
    created_at = models.DateTimeField(_("flagged"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reader"], name="flag_once_per_reader"),
        ]

    def __str__(self):
        return f"{self.reader} → {self.comment_id}"
