import ipaddress

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from . import reasons


def ancestor_levels() -> int:
    """How many levels above a comment visibility looks at (see approved_ancestors)."""
    from comments.conf import comment_settings

    return max(int(comment_settings.MAX_DEPTH) - 1, 1)


def approved_ancestors():
    """A condition true for comments whose every ancestor (parent, its parent...) is approved.

    Every write path attaches replies at most COMMENTS_MAX_DEPTH levels deep, so that many
    joins cover every ancestor (one join for the default three levels' replies' parents).
    """
    condition = Q()
    for level in range(1, ancestor_levels() + 1):
        parent = "__".join(["parent"] * level)
        condition &= Q(**{f"{parent}__isnull": True}) | Q(**{f"{parent}__status": "approved"})
    return condition


# "Visible comment" is one rule, CommentQuerySet.visible(): approved, under approved
# comments only (ancestor_levels() of them). Where a page reads comments in raw SQL or
# already holds them, it asks the two spellings below, kept beside the Q and checked
# against it on random threads (tests/comments/test_one_rule_for_visible.py).


def visible_sql(alias: str, table: str) -> tuple[str, str, list]:
    """visible() for the comment table `table` aliased `alias` in a raw query: the LEFT
    JOINs to add to its FROM, the condition, and the condition's parameters."""
    joins, conditions = [], [f"{alias}.status = %s"]
    below = alias
    for level in range(1, ancestor_levels() + 1):
        above = f"{alias}_up{level}"
        joins.append(f"LEFT JOIN {table} {above} ON {above}.id = {below}.parent_id")
        conditions.append(f"({below}.parent_id IS NULL OR {above}.status = %s)")
        below = above
    params = [Comment.Status.APPROVED] * len(conditions)
    return " ".join(joins), " AND ".join(conditions), params


def is_visible_among(comment, by_id: dict) -> bool:
    """visible() for a loaded comment, given the loaded comments of its article by id,
    which must include every approved one (a parent missing from them is not approved)."""
    current, levels = comment, ancestor_levels()
    for level in range(levels + 1):  # the comment itself, then each ancestor looked at
        if current.status != Comment.Status.APPROVED:
            return False
        if current.parent_id is None or level == levels:
            return True
        current = by_id.get(current.parent_id)
        if current is None:
            return False
    return True


def _text_prefix(network) -> str:
    """The start every address of `network` is written with ("203.0.113." for a /24)."""
    if network.version == 4:
        count = network.prefixlen // 8
        octets = [str(octet) for octet in network.network_address.packed[:count]]
        return ".".join(octets) + ("." if 0 < count < 4 else "")
    first = int(network.network_address) >> 112
    return f"{first:x}:" if network.prefixlen >= 16 and first else ""


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Comments every reader sees: approved, in a thread whose every comment above them
        is approved too (a reply under a held, spam or trashed comment is not shown, so it
        is not counted either)."""
        return self.filter(status=Comment.Status.APPROVED).filter(approved_ancestors())

    def in_moderation(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_post(self, post):
        return self.filter(post=post)

    def shown_to(self, own_ids=()):
        """Approved comments, plus this browser's own comments awaiting moderation (held, or
        sent to spam by the filter: see Comment.AWAITING_FOR_AUTHOR)."""
        own = Q(pk__in=list(own_ids), status__in=Comment.AWAITING_FOR_AUTHOR) if own_ids else Q()
        return self.filter(Q(status=Comment.Status.APPROVED) | own)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def in_threads(self, root_ids):
        """The replies of the given threads, oldest first (one query for a page of threads)."""
        return self.filter(root_id__in=list(root_ids), parent__isnull=False).order_by(
            "submitted_at", "pk"
        )

    def in_order(self, order="oldest"):
        if order == "newest":
            return self.order_by("-submitted_at", "-pk")
        return self.order_by("submitted_at", "pk")

    def count_by_status(self) -> dict[str, int]:
        """Return {status: number of these comments} for every status, in one grouped query."""
        counts = dict.fromkeys(Comment.Status.values, 0)
        counts.update(self.order_by().values_list("status").annotate(n=Count("pk")))
        return counts

    def with_reason(self, check: str):
        """Comments with a spam reason from `check` ("links", "moderation.flagged"...)."""
        return reasons.with_reason(self, check)

    def count_by_reason(self) -> dict[str, int]:
        """Return {check: number of these comments with a reason from it}, in one query."""
        return reasons.count_by_reason(self)

    def from_network(self, network):
        """Comments sent from an address in `network` (an ipaddress network).

        The database narrows by the network's leading octets (or first group of an IPv6
        address), which both SQLite's text and PostgreSQL's HOST() spell the same way;
        Python decides the rest, so every network size is exact.
        """
        candidates = self.filter(ip_address__isnull=False)
        prefix = _text_prefix(network)
        if prefix:
            candidates = candidates.filter(ip_address__startswith=prefix)
        ids = [
            pk
            for pk, address in candidates.order_by().values_list("pk", "ip_address")
            if ipaddress.ip_address(address) in network
        ]
        return self.filter(pk__in=ids)

    def by_same_author(self, *, user=None, email=""):
        if user is not None:
            return self.filter(user=user)
        return self.filter(user__isnull=True, author_email__iexact=email)


class Comment(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        PINGBACK = "pingback", _("Pingback")
        TRACKBACK = "trackback", _("Trackback")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        TRASH = "trash", _("Trash")

    class Verdict(models.TextChoices):
        HAM = "ham", _("Ham")
        HOLD = "hold", _("Hold")
        SPAM = "spam", _("Spam")
        DISCARD = "discard", _("Discard")

    post = models.ForeignKey(
        "posts.Post", verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    # The top-level comment of a reply's thread (empty on a top-level comment, which is its
    # own thread), so a page of threads and all their replies come in two queries.
    root = models.ForeignKey(
        "self",
        verbose_name=_("thread"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    author_name = models.CharField(_("name"), max_length=80)
    # Required from readers (the comment form asks for it); pingbacks and some imported
    # comments have none.
    author_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    author_url = models.URLField(_("website"), max_length=300, blank=True)
    body = models.TextField(_("comment"))
    # The body as readers see it: escaped, links made, paragraphs; derived on every write.
    body_html = models.TextField(_("rendered comment"), blank=True, editable=False)
    kind = models.CharField(
        _("type"), max_length=10, choices=Kind.choices, default=Kind.COMMENT, db_index=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=500, blank=True)
    referrer = models.CharField(_("referrer"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    spam_verdict = models.CharField(
        _("spam verdict"), max_length=10, choices=Verdict.choices, blank=True
    )
    spam_score = models.FloatField(_("spam score"), null=True, blank=True, db_index=True)
    spam_reasons = models.JSONField(_("spam reasons"), default=list, blank=True)
    notify_replies = models.BooleanField(_("e-mail me replies"), default=False)
    # Its id on an imported WordPress site: re-imports update it instead of adding a copy.
    wordpress_id = models.PositiveBigIntegerField(
        _("WordPress id"), null=True, blank=True, unique=True, editable=False
    )

    # What a comment's own browser is told of it until a moderator publishes it: "awaiting
    # moderation", whether held or sent to spam (a false positive is rescued from the spam
    # folder; a spammer learns nothing). Its author lands on it and sees that state. Trash
    # (blocked words, deleted by its author) is shown to no one.
    AWAITING_FOR_AUTHOR = (Status.PENDING, Status.SPAM)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "spam", "trash"]),
                name="comment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["comment", "pingback", "trackback"]),
                name="comment_kind_valid",
            ),
        ]
        indexes = [models.Index(fields=["post", "status", "submitted_at"])]

    def __str__(self):
        # Name and the start of the text: no query for the article in admin lists and logs.
        return f"{self.author_name}: {Truncator(self.body).chars(60)}"

    def save(self, *args, **kwargs):
        self.derive_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("comments:permalink", kwargs={"pk": self.pk})

    def derive_fields(self) -> None:
        """Set what follows from this row alone: the rendered body (no I/O)."""
        from comments.text import render_comment_body

        self.body_html = render_comment_body(self.body)

    @property
    def thread_id(self) -> int:
        """The id of the top-level comment of this comment's thread."""
        return self.root_id or self.pk

    @property
    def is_by_post_author(self):
        return self.user_id is not None and self.user_id == self.post.author_id

    @property
    def shown_name(self) -> str:
        """The name readers see: the one given (an account's display name is copied in),
        or "Anonymous" for a comment that really has none (an old weblog's, a pingback)."""
        return self.author_name or str(_("Anonymous"))

    @property
    def is_awaiting_moderation(self):
        return self.status in self.AWAITING_FOR_AUTHOR


class ModerationTerm(models.Model):
    """A word, e-mail, IP address, domain or account that sends a comment to trash or to
    moderation."""

    class List(models.TextChoices):
        BLOCKED = "blocked", _("Blocked (to trash)")
        MODERATED = "moderated", _("Held for moderation")

    class Kind(models.TextChoices):
        WORD = "word", _("Word or phrase")
        EMAIL = "email", _("E-mail address")
        IP = "ip", _("IP address")
        DOMAIN = "domain", _("Domain")
        # A reader's account, by username: written by "Ban commenter" in the queue.
        ACCOUNT = "account", _("Account")

    list = models.CharField(_("list"), max_length=10, choices=List.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=200)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["list", "kind", "value"]
        verbose_name = _("moderation term")
        verbose_name_plural = _("moderation terms")
        constraints = [
            models.UniqueConstraint(
                fields=["list", "kind", "value"], name="moderation_term_unique"
            ),
        ]

    def __str__(self):
        return self.value
