from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from posts.listing import count_annotations
from posts.markup import html_to_text, reading_minutes, render_markdown
from posts.permissions import is_editor


class TagQuerySet(models.QuerySet):
    def in_use(self):
        """Tags that label at least one article readers can see."""
        return self.filter(posts__in=Post.objects.published()).distinct()


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("posts:tag-detail", kwargs={"slug": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts a reader may see: published or scheduled, and due."""
        return self.filter(
            status__in=[Post.Status.PUBLISHED, Post.Status.SCHEDULED],
            published_at__lte=timezone.now(),
        )

    def tagged(self, tag):
        return self.filter(tags=tag)

    def by_author(self, user):
        return self.filter(author=user)

    def before(self, post):
        """Posts published just before post, newest first (ties broken by id)."""
        return self.filter(
            Q(published_at__lt=post.published_at)
            | Q(published_at=post.published_at, pk__lt=post.pk)
        ).order_by("-published_at", "-pk")

    def after(self, post):
        """Posts published just after post, oldest first (ties broken by id)."""
        return self.filter(
            Q(published_at__gt=post.published_at)
            | Q(published_at=post.published_at, pk__gt=post.pk)
        ).order_by("published_at", "pk")

    def related_to(self, post):
        """Posts sharing tags with post, the most shared tags first."""
        return (
            self.exclude(pk=post.pk)
            .filter(tags__in=post.tags.all())
            .annotate(shared_tags=Count("tags"))
            .order_by("-shared_tags", "-published_at", "-pk")
        )

    def previewable_by(self, user):
        """Posts user may preview: every post for editors, their own for authors."""
        if not user.is_authenticated:
            return self.none()
        if is_editor(user):
            return self
        return self.filter(author=user)

    def with_counts(self):
        """Annotate the counts other apps register (comments, reactions): one subquery each."""
        return self.annotate(**count_annotations())

    def for_listing(self):
        """Everything a list page shows, in a constant number of queries."""
        return self.with_counts().select_related("author").prefetch_related("tags")


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    class Language(models.TextChoices):
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The last part of the address.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="posts",
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("A short excerpt shown in lists and feeds.")
    )
    body = models.TextField(_("body"), help_text=_("Written in Markdown."))
    body_html = models.TextField(_("rendered body"), editable=False, blank=True)
    reading_time = models.PositiveSmallIntegerField(_("reading time"), editable=False, default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A date in the future schedules the article."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), related_name="posts", blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ITALIAN
    )
    cover_image = models.ImageField(_("cover image"), upload_to="covers/%Y/", blank=True)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=200,
        blank=True,
        help_text=_("Alternative text for readers who cannot see the image."),
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    comments_close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: use the site default."),
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "scheduled", "published"]),
                name="post_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="post_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Derive fields from this row only; no I/O here.
        if self.status != self.Status.DRAFT and self.published_at is None:
            self.published_at = timezone.now()
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            self.status = self.Status.SCHEDULED
        self.body_html = render_markdown(self.body)
        self.reading_time = reading_minutes(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("posts:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.cover_image and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": _("Describe the cover image for readers who cannot see it.")}
            )

    def get_preview_url(self):
        return reverse("posts:preview", kwargs={"pk": self.pk})

    @property
    def excerpt(self):
        """The lead, or the opening words of the body when there is none."""
        return self.lead or Truncator(html_to_text(self.body_html)).words(40)

    @property
    def effective_status(self):
        """What readers experience: draft, scheduled (not yet due) or published."""
        if self.status == self.Status.DRAFT or self.published_at is None:
            return self.Status.DRAFT
        if self.published_at > timezone.now():
            return self.Status.SCHEDULED
        return self.Status.PUBLISHED

    @property
    def is_published(self):
        return (
            self.status != self.Status.DRAFT
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def was_updated(self):
        """True when the article changed noticeably after it was published."""
        return bool(
            self.published_at
            and self.updated_at
            and self.updated_at.date() > self.published_at.date()
        )
