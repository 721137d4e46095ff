from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Revision(models.Model):
    """What an article said at one moment: every save in the admin, and the latest autosave.

    Our own small model rather than django-reversion or django-simple-history: what we need
    is the text an author writes (title, lead, body) with a diff and a restore, plus an
    autosave slot that is overwritten while typing; those libraries version whole rows and
    relations on every save, and neither has an autosave.
    """

    class Kind(models.TextChoices):
        SAVE = "save", _("Saved")
        AUTOSAVE = "autosave", _("Autosave")

    post = models.ForeignKey(
        "posts.Post", verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SAVE)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["save", "autosave"]), name="revision_kind_valid"
            ),
            # One autosave slot per article and person, overwritten while they type.
            models.UniqueConstraint(
                fields=["post", "editor"],
                condition=models.Q(kind="autosave"),
                name="revision_one_autosave_per_editor",
            ),
        ]

    def __str__(self):
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"
