from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import WordPressModel


class Media(WordPressModel):
    """An image in the media library: the original file, its description and its renditions.

    Renditions (smaller widths, WebP) are files next to the original, listed in `renditions`
    as {"width": int, "height": int, "format": "webp"|"jpeg"|..., "name": storage name}.
    Files go through Django's storage API (the local filesystem by default, S3-compatible
    storage when configured), so every app server sees the same library.
    """

    file = models.ImageField(
        _("file"), upload_to="media/%Y/%m/", width_field="width", height_field="height"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
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
        verbose_name = _("image")
        verbose_name_plural = _("media library")
        indexes = [models.Index(fields=["original_url"])]

    def __str__(self):
        return self.title or self.alt_text or self.file.name

    @property
    def url(self) -> str:
        return self.file.url
