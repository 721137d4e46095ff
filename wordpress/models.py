from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from posts.languages import language_choices


class ImportRun(models.Model):
    """A WordPress export an editor uploaded in the admin, imported by a background task.

    The task updates `progress` as it goes and leaves its report (wordpress.report)
    in `report`, which the admin shows.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    file = models.FileField(
        _("WordPress export"),
        upload_to="wordpress-imports/%Y/%m/",
        help_text=_("The .xml file written by WordPress's Tools → Export."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=language_choices,
        blank=True,
        help_text=_("Empty: the language the file declares (Italian when it declares none)."),
    )
    dry_run = models.BooleanField(
        _("dry run"), default=False, help_text=_("Only report what would happen.")
    )
    train_spam = models.BooleanField(
        _("train the spam filter"),
        default=False,
        help_text=_("Teach the spam filter from the imported approved and spam comments."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    items_done = models.PositiveIntegerField(_("items done"), default=0)
    items_total = models.PositiveIntegerField(_("items in the file"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("WordPress import")
        verbose_name_plural = _("WordPress imports")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]),
                name="importrun_status_valid",
            ),
        ]

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def percent(self) -> int:
        return round(100 * self.items_done / self.items_total) if self.items_total else 0
