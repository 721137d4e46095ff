from django.conf import settings
from django.db import models
from django.db.models import Count, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from posts.listing import count_annotations
from posts.markup import BodyFormat, html_to_text, reading_minutes, render_body
from posts.permissions import is_editor

from .base import PasswordProtected, RemembersAddress, TranslatableModel, WordPressModel
from .media import Media
from .terms import Category, Tag


def published_q(*, prefix: str = "", now=None) -> Q:
    """The one definition of "published" (as Wagtail's live_q()): not a draft, and due.

    Every reader-facing query starts from it (PostQuerySet.published(), the admin's counts
    through a relation with `prefix`, e.g. "posts__"); Post.seen_by_readers() is its Python
    mirror over the same statuses (used by effective_status and by posts/moves.py), and the
    vote endpoint's SQL is checked against it
    (tests/posts/test_one_rule_for_published.py).
    """
    return Q(
        **{
            f"{prefix}status__in": Post.RELEASED_STATUSES,
            f"{prefix}published_at__lte": now or timezone.now(),
        }
    )


def scheduled_q(*, now=None) -> Q:
    """Released (not a draft) but not yet due: published_q()'s other half."""
    return Q(status__in=Post.RELEASED_STATUSES, published_at__gt=now or timezone.now())


class PostQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Posts a reader may see: published or scheduled, and due (published_q)."""
        return self.filter(published_q(now=now))

    def scheduled(self, *, now=None):
        """Posts released for a moment still to come (scheduled_q)."""
        return self.filter(scheduled_q(now=now))

    def tagged(self, tag):
        return self.filter(tags=tag)

    def in_category(self, category):
        return self.filter(categories=category)

    def in_language(self, language):
        return self.filter(language=language)

    def readable_in(self, language):
        """What the reader pages of `language` list: its published articles, no other.

        Every list (home, archives, tags, categories, authors, search, feeds, sitemap, most
        appreciated) starts here, so none can mix the languages.
        """
        return self.published().in_language(language)

    def by_author(self, user):
        return self.filter(author=user)

    def authors(self):
        """The accounts that wrote these articles (an author's page and feed exist in a
        language only for them: a reader's account, or a writer of the other language
        only, has neither)."""
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(posts__in=self).distinct()

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

    def around(self, post, *fields):
        """(previous, next, translations) of post in one query: the posts of its language
        just before and just after it, and its versions in other languages, among self."""
        siblings = self.in_language(post.language)
        previous_pk = siblings.before(post).values("pk")[:1]
        next_pk = siblings.after(post).values("pk")[:1]
        wanted = Q(pk=Subquery(previous_pk)) | Q(pk=Subquery(next_pk))
        if post.translation_key is not None:
            wanted |= Q(translation_key=post.translation_key) & ~Q(language=post.language)
        found = self.filter(wanted)
        if fields:
            found = found.only(*fields, "language", "published_at", "translation_key")
        previous = following = None
        translations = []
        for other in found:  # the default order, as languages.versions reads them
            if other.language != post.language:
                translations.append(other)
            elif (other.published_at, other.pk) < (post.published_at, post.pk):
                previous = other
            else:
                following = other
        return previous, following, translations

    def related_to(self, post, *, tag_ids=None):
        """Posts sharing tags with post, the most shared tags first (tag_ids: post's tags,
        when already read)."""
        return (
            self.exclude(pk=post.pk)
            .filter(tags__in=post.tags.all() if tag_ids is None else tag_ids)
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
        return (
            self.with_counts().select_related("author__profile", "cover").prefetch_related("tags")
        )


class Post(RemembersAddress, TranslatableModel, WordPressModel, PasswordProtected):
    ADDRESS_FIELDS = ("slug", "language", "status", "published_at")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    # Not drafts: readers see them once published_at is due (published_q).
    RELEASED_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, help_text=_("The last part of the address.")
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
    body = models.TextField(_("body"), blank=True)
    body_format = models.CharField(
        _("body format"),
        max_length=10,
        choices=BodyFormat.choices,
        default=BodyFormat.MARKDOWN,
        help_text=_(
            "Markdown for what you write here; HTML for articles imported from WordPress."
        ),
    )
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
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), related_name="posts", blank=True
    )
    cover = models.ForeignKey(
        Media,
        verbose_name=_("cover image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Shown at the top of the article and on its card in lists."),
    )
    sticky = models.BooleanField(
        _("pinned"), default=False, help_text=_("Pinned at the top of the home page.")
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
            models.UniqueConstraint(fields=["language", "slug"], name="post_slug_per_language"),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="post_one_per_language"
            ),
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

    def derive_fields(self) -> None:
        """Set the fields that follow from this row alone (no I/O): the rendered body, the
        reading time, and the status a publication date implies. save() calls it; bulk
        writes (posts.services) call it themselves, since bulk_create skips save()."""
        if self.status != self.Status.DRAFT and self.published_at is None:
            self.published_at = timezone.now()
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            self.status = self.Status.SCHEDULED
        self.body_html = render_body(self.body, self.body_format)
        self.reading_time = reading_minutes(html_to_text(self.body_html))

    def save(self, *args, derive=True, **kwargs):
        # Services derive before validating and pass derive=False: one render per write.
        if derive:
            self.derive_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # Under the article's own language prefix, whatever the interface's language.
        with translation.override(self.language):
            return reverse("posts:detail", kwargs={"slug": self.slug})

    def get_preview_url(self):
        with translation.override(self.language):
            return reverse("posts:preview", kwargs={"pk": self.pk})

    @property
    def excerpt(self):
        """The lead, or the opening words of the body when there is none; for a protected
        article, which lists, feeds, e-mails and search engines show to anyone, neither."""
        if self.password:
            return str(_("There is no excerpt because this is a protected article."))
        return self.lead or Truncator(html_to_text(self.body_html)).words(40)

    @property
    def effective_status(self):
        """What readers experience: draft, scheduled (not yet due) or published.

        published_q() in Python, for a row already loaded: same statuses, same clock test.
        """
        if self.status not in self.RELEASED_STATUSES or self.published_at is None:
            return self.Status.DRAFT
        if not self.seen_by_readers(self.status, self.published_at):
            return self.Status.SCHEDULED
        return self.Status.PUBLISHED

    @property
    def is_published(self):
        """Whether readers see this article now (published_q(), for a loaded row)."""
        return self.effective_status == self.Status.PUBLISHED

    @property
    def was_updated(self):
        """True when the article changed noticeably after it was published."""
        return bool(
            self.published_at
            and self.updated_at
            and self.updated_at.date() > self.published_at.date()
        )
