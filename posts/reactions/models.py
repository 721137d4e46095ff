import functools

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import connection, models
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from posts.languages import validate_site_language

# "u:<user id>" for accounts, "a:<64 hex digits>" (the sha256 of the anonymous cookie id).
voter_key_validator = RegexValidator(
    r"^(u:[0-9]+|a:[0-9a-f]{64})\Z", _("Enter a valid voter key.")
)


class ReactionKindQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def with_labels(self):
        """Prefetch every language's label: `label` then costs no query per kind."""
        return self.prefetch_related("labels")


class ReactionKind(models.Model):
    """A "+1" button. Its label per language is a ReactionKindLabel row, so a new language
    is a new row in the admin, not a new column."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    emoji = models.CharField(_("emoji"), max_length=16, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    objects = ReactionKindQuerySet.as_manager()

    class Meta:
        db_table = "posts_reactionkind"  # created when reactions lived in the posts app
        ordering = ["position", "pk"]
        verbose_name = _("reaction kind")
        verbose_name_plural = _("reaction kinds")

    def __str__(self):
        return f"{self.emoji} {self.label}".strip()

    def label_in(self, language: str) -> str:
        """The label in language, else in the site's default language, else the code."""
        labels = {row.language: row.label for row in self.labels.all()}
        return labels.get(language) or labels.get(settings.LANGUAGE_CODE) or self.code

    @property
    def label(self):
        """The label in the active language."""
        return self.label_in((get_language() or settings.LANGUAGE_CODE).split("-")[0])


class ReactionKindLabel(models.Model):
    """What a reaction kind's button says in one language."""

    kind = models.ForeignKey(
        ReactionKind, verbose_name=_("kind"), on_delete=models.CASCADE, related_name="labels"
    )
    # No choices: the languages come from settings.LANGUAGES, checked by the validator, so
    # adding a language to the site needs no migration here.
    language = models.CharField(
        _("language"),
        max_length=7,
        validators=[validate_site_language],
        help_text=_("A language code of the site (the SITE_LANGUAGES setting)."),
    )
    label = models.CharField(_("label"), max_length=60)

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language"], name="one_reaction_label_per_language"
            )
        ]

    def __str__(self):
        return f"{self.language}: {self.label}"


class ReactionQuerySet(models.QuerySet):
    def counted(self):
        """The votes totals count: those of active kinds (a retired kind's votes are kept,
        and counted again if it comes back). The one rule of reaction totals, with
        ReactionBaselineQuerySet.counted() and display.total_of()."""
        return self.filter(kind__active=True)

    def counts_by_kind(self) -> dict[int, int]:
        """Map kind id to the number of reactions, in one grouped query."""
        rows = self.order_by().values("kind_id").annotate(n=Count("pk"))
        return {row["kind_id"]: row["n"] for row in rows}

    def counts_by_post_and_kind(self, post_ids) -> dict[int, dict[int, int]]:
        """Map post id to {kind id: count} for many posts, in one grouped query."""
        rows = (
            self.filter(post_id__in=list(post_ids))
            .order_by()
            .values("post_id", "kind_id")
            .annotate(n=Count("pk"))
        )
        counts: dict[int, dict[int, int]] = {}
        for row in rows:
            counts.setdefault(row["post_id"], {})[row["kind_id"]] = row["n"]
        return counts


class Reaction(models.Model):
    post = models.ForeignKey(
        "posts.Post", verbose_name=_("article"), on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.ForeignKey(
        ReactionKind, verbose_name=_("kind"), on_delete=models.CASCADE, related_name="reactions"
    )
    # The voter key: "u:<user id>" for accounts, "a:<sha256 of the cookie id>" for anonymous
    # readers. One column keeps the one-per-reader rule a single unique constraint.
    voter = models.CharField(_("voter"), max_length=80, validators=[voter_key_validator])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reactions",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        db_table = "posts_reaction"
        ordering = ["-created_at"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["post", "voter"], name="one_reaction_per_voter"),
        ]
        indexes = [models.Index(fields=["post", "kind"])]

    def __str__(self):
        return _("%(kind)s on “%(post)s”") % {"kind": self.kind, "post": self.post}

    @property
    def is_anonymous(self):
        return self.voter.startswith("a:")


class ReactionBaselineQuerySet(models.QuerySet):
    def counted(self):
        """The starting counts totals add: those of active kinds (ReactionQuerySet.counted)."""
        return self.filter(kind__active=True)


class ReactionBaseline(models.Model):
    """Votes an article received before it came here (an imported reactions plugin's counts).

    Displayed counts are this baseline plus the votes cast here, so an article that showed
    "55, 7, 0..." still does and new votes add to it. Votes themselves stay one row per
    reader; the baseline is a separate, fixed starting point.
    """

    post = models.ForeignKey(
        "posts.Post",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="reaction_baselines",
    )
    kind = models.ForeignKey(
        ReactionKind, verbose_name=_("kind"), on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField(_("starting count"), default=0)

    objects = ReactionBaselineQuerySet.as_manager()

    class Meta:
        verbose_name = _("starting reaction count")
        verbose_name_plural = _("starting reaction counts")
        constraints = [
            models.UniqueConstraint(fields=["post", "kind"], name="one_baseline_per_kind"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.count}"


def counts_for_post(post) -> dict[int, int]:
    """Map kind id to the count readers see on one article: starting count plus votes.

    Every kind is in the map; what is shown and totalled are the active kinds
    (display.row_items, display.total_of)."""
    # One query: the votes grouped by kind, and the starting counts, joined by UNION ALL.
    # Written out once rather than built by the ORM on every vote: compiling the union
    # cost more CPU than the database took to answer it.
    with connection.cursor() as cursor:
        cursor.execute(counts_sql(connection.vendor), counts_params(post))
        return add_up_counts(cursor.fetchall())


@functools.cache
def counts_sql(vendor: str) -> str:
    """The SQL of counts_for_post: (kind id, count) rows to add up per kind."""
    quote = connection.ops.quote_name
    return (
        f"SELECT {quote('kind_id')}, COUNT(*) FROM {quote(Reaction._meta.db_table)}"
        f" WHERE {quote('post_id')} = %s GROUP BY {quote('kind_id')}"
        f" UNION ALL SELECT {quote('kind_id')}, {quote('count')}"
        f" FROM {quote(ReactionBaseline._meta.db_table)} WHERE {quote('post_id')} = %s"
    )


def counts_params(post) -> list:
    return [post.pk, post.pk]


def add_up_counts(rows) -> dict[int, int]:
    counts: dict[int, int] = {}
    for kind_id, count in rows:
        counts[kind_id] = counts.get(kind_id, 0) + count
    return counts
