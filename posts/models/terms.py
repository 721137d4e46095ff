from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .base import TranslatableModel, WordPressModel


class TermQuerySet(models.QuerySet):
    """Tags and categories alike: those of a language, those labelling readers' articles."""

    def in_use(self):
        """The terms of at least one article readers can see."""
        from .post import Post

        return self.filter(posts__in=Post.objects.published()).distinct()

    def in_use_in(self, language):
        """The terms of language on at least one of its published articles."""
        from .post import Post

        return (
            self.in_language(language)
            .filter(posts__in=Post.objects.readable_in(language))
            .distinct()
        )

    def in_language(self, language):
        return self.filter(language=language)


class Tag(TranslatableModel, WordPressModel):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="tag_slug_per_language"),
            models.UniqueConstraint(fields=["language", "name"], name="tag_name_per_language"),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="tag_one_per_language"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("posts:tag-detail", kwargs={"slug": self.slug})


class Category(TranslatableModel, WordPressModel):
    """A section of the blog; categories nest (a parent and its children), as WordPress's do."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="category_slug_per_language"
            ),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="category_one_per_language"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("posts:category-detail", kwargs={"slug": self.slug})

    def ancestors(self) -> list["Category"]:
        """The parent, its parent and so on, nearest first (stops on a loop)."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain
