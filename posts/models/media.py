from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import WordPressModel


class MediaKind(models.TextChoices):
    IMAGE = "image", _("image")
    DOCUMENT = "document", _("document")
    AUDIO = "audio", _("audio")
    VIDEO = "video", _("video")
    OTHER = "other", _("other file")


class Media(WordPressModel):
    """A file in the media library: an image (with its renditions) or a document, a sound,
    a video or an archive, of a type read from its content (posts.filetypes).

    Renditions (smaller widths, WebP) are files next to the original, listed in `renditions`
    as {"width": int, "height": int, "format": "webp"|"jpeg"|..., "name": storage name}.
    Files go through Django's storage API (the local filesystem by default, S3-compatible
    storage when configured), so every app server sees the same library.
    """

    # Width and height are set by posts.media from the image it stored (a FileField: the
    # library holds files that are not images too).
    file = models.FileField(_("file"), upload_to="media/%Y/%m/", max_length=200)
    kind = models.CharField(
        _("kind"), max_length=10, choices=MediaKind.choices, default=MediaKind.IMAGE
    )
    size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        # Required of images (a file of another kind is named by its link: posts.media
        # stores it without one).
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    # Where the file lived on the old site, so imported bodies can be rewritten to it.
    original_url = models.URLField(_("original address"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("media file")
        verbose_name_plural = _("media library")
        indexes = [models.Index(fields=["original_url"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=MediaKind.values), name="media_kind_valid"
            )
        ]

    def __str__(self):
        return self.title or self.alt_text or self.file.name

    def get_absolute_url(self):
        return reverse("posts:media-detail", kwargs={"pk": self.pk})

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def is_image(self) -> bool:
        return self.kind == MediaKind.IMAGE

    @property
    def file_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]
