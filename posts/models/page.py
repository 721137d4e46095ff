from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from posts.markup import BodyFormat, render_body

from .base import PasswordProtected, RemembersAddress, TranslatableModel, WordPressModel


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=Page.RELEASED_STATUSES, published_at__lte=timezone.now())

    def in_language(self, language):
        return self.filter(language=language)

    def top_level(self):
        """Pages with no parent: the site's own sections ("Chi siamo", "Contatti")."""
        return self.filter(parent__isnull=True)


class Page(RemembersAddress, TranslatableModel, WordPressModel, PasswordProtected):
    """A static page ("Chi siamo", "Contatti"), served at its path: parents' slugs, then its
    own (/chi-siamo/, /servizi/consulenza/). Pages are not in feeds, archives or search."""

    ADDRESS_FIELDS = ("path", "language", "status", "published_at")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    RELEASED_STATUSES = (Status.PUBLISHED,)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # Derived from the parents' slugs and this page's (see Page.derive_fields()).
    path = models.CharField(_("path"), max_length=500, editable=False)
    position = models.IntegerField(
        _("order"), default=0, help_text=_("Pages with lower numbers come first.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    body = models.TextField(_("body"), blank=True)
    body_format = models.CharField(
        _("body format"),
        max_length=10,
        choices=BodyFormat.choices,
        default=BodyFormat.MARKDOWN,
    )
    body_html = models.TextField(_("rendered body"), editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publication date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(fields=["language", "path"], name="page_path_per_language"),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="page_one_per_language"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="page_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def derive_fields(self) -> None:
        """Set the fields that follow from this row: path, rendered body, publication date."""
        self.path = self.slug if self.parent is None else f"{self.parent.path}/{self.slug}"
        self.body_html = render_body(self.body, self.body_format)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def save(self, *args, derive=True, **kwargs):
        # Services derive before validating and pass derive=False: one render per write.
        if derive:
            self.derive_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("posts:page", kwargs={"path": self.path})
