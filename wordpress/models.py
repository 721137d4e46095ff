from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from posts.languages import language_choices
from wordpress.conf import private_storage


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
        upload_to="%Y/%m/",
        storage=private_storage,
        help_text=_("The .xml file written by WordPress's Tools → Export."),
    )
    media_file = models.FileField(
        _("media (zip)"),
        upload_to="%Y/%m/",
        storage=private_storage,
        blank=True,
        help_text=_("Optional: a zip of the old site's wp-content/uploads folder."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=language_choices,
        blank=True,
        help_text=_(
            "Empty: the languages the file declares (the site's first language when it "
            "declares none). Chosen: the file's own language is imported as this one."
        ),
    )
    fetch_media = models.BooleanField(
        _("fetch media from the old site"),
        default=False,
        help_text=_(
            "Download the images, documents, sounds and videos that are not in the zip from "
            "the old site, while it is still online (public addresses only, with size and "
            "type limits)."
        ),
    )
    dry_run = models.BooleanField(
        _("dry run"), default=False, help_text=_("Only report what would happen.")
    )
    train_spam = models.BooleanField(
        _("train the spam filter"),
        default=False,
        help_text=_("Teach the spam filter from the imported approved and spam comments."),
    )
    same_blog = models.BooleanField(
        _("the same blog under a new address"),
        default=False,
        help_text=_(
            "The file comes from a blog this site already imported, now at another address "
            "(a new domain). Without it, a file from another blog is refused: the two "
            "blogs' WordPress ids would collide."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    stage = models.CharField(_("stage"), max_length=100, blank=True)
    # Written with the progress: a run "running" whose heartbeat stopped lost its worker.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
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
        # The file is deleted some days after the import (WORDPRESS_KEEP_UPLOADS_DAYS).
        return self.file.name.rsplit("/", 1)[-1] if self.file else f"#{self.pk}"

    @property
    def percent(self) -> int:
        return round(100 * self.items_done / self.items_total) if self.items_total else 0


class ImportedBlog(models.Model):
    """The address of a WordPress blog this site imported (wordpress.importer.blogs): the
    WordPress ids the site's rows keep are that blog's, so a file from another blog is
    refused."""

    address = models.CharField(_("address"), max_length=300, unique=True)
    first_imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)

    class Meta:
        ordering = ["first_imported_at", "pk"]
        verbose_name = _("imported blog")
        verbose_name_plural = _("imported blogs")

    def __str__(self):
        return self.address


class ImportEntry(models.Model):
    """One line of an import's report: an item skipped, changed on the way in, or noted."""

    run = models.ForeignKey(
        ImportRun, verbose_name=_("import"), on_delete=models.CASCADE, related_name="entries"
    )
    kind = models.CharField(_("kind"), max_length=30, db_index=True)
    wordpress_id = models.BigIntegerField(_("WordPress id"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    action = models.CharField(_("what happened"), max_length=10, db_index=True)
    field = models.CharField(_("field"), max_length=50, blank=True)
    message = models.TextField(_("message"))

    class Meta:
        ordering = ["run", "pk"]
        verbose_name = _("import report entry")
        verbose_name_plural = _("import report entries")

    def __str__(self):
        return f"{self.kind} #{self.wordpress_id or '?'}: {self.message[:60]}"


class PageComment(models.Model):
    """A comment a WordPress page had, kept with the page it was written on.

    Pages here take no comments (comments belong to articles), so what readers wrote on a
    WordPress page is kept as it was, thread included, listed in the admin and, when
    approved, shown read only under the page: nothing published is lost, and an export
    gives it back to WordPress.
    """

    page = models.ForeignKey(
        "posts.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    wordpress_id = models.PositiveBigIntegerField(_("WordPress id"), unique=True)
    parent_wordpress_id = models.PositiveBigIntegerField(
        _("in reply to (WordPress id)"), default=0
    )
    author_name = models.CharField(_("name"), max_length=250, blank=True)
    author_email = models.CharField(_("e-mail"), max_length=254, blank=True)
    author_url = models.CharField(_("website"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    body = models.TextField(_("comment"), blank=True)
    status = models.CharField(_("status"), max_length=20)
    kind = models.CharField(_("type"), max_length=20, blank=True)

    class Meta:
        ordering = ["page", "submitted_at", "pk"]
        verbose_name = _("comment on a WordPress page")
        verbose_name_plural = _("comments on WordPress pages")

    def __str__(self):
        return f"{self.author_name}: {self.body[:60]}"
