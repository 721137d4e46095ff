"""Reading the comments of an article: a page of threads in a fixed number of queries."""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F, Q

from comments.conf import comment_settings
from comments.models import Comment


@dataclass
class ThreadPage:
    threads: list[Comment]  # top-level comments, each with .children (recursively)
    page: object  # django.core.paginator.Page of the top-level comments
    approved_count: int
    own_ids: frozenset = field(default_factory=frozenset)


def order_setting() -> str:
    return "newest" if comment_settings.ORDER == "newest" else "oldest"


def per_page_setting() -> int:
    return max(int(comment_settings.PER_PAGE), 1)


# Kept on the server for moderation; the article page never shows them.
UNSHOWN_FIELDS = ("ip_address", "user_agent", "referrer", "spam_reasons")


def thread_page(post, *, page_number=1, own_ids=()) -> ThreadPage:
    """Return one page of top-level comments with all their shown replies.

    One query, whatever the number of comments: every comment shown to this reader is
    loaded with its author's staff flag, the threads are built and the approved comments
    counted from those rows, and the top-level ones are paginated in memory.
    """
    own_ids = frozenset(own_ids)
    # by_staff: the "staff" mark of a moderator's reply, read with the rows (no query each).
    rows = list(
        Comment.objects.for_post(post)
        .shown_to(own_ids)
        .annotate(by_staff=F("user__is_staff"))
        .defer(*UNSHOWN_FIELDS)
        .order_by("submitted_at", "pk")
    )
    by_id = {}
    for comment in rows:
        comment.post = post  # avoid a query per comment when checking the author badge
        comment.children = []
        by_id[comment.pk] = comment
    top_level = []
    for comment in rows:  # oldest first, so replies are attached in the order they came
        if comment.parent_id is None:
            top_level.append(comment)
        else:
            parent = by_id.get(comment.parent_id)
            if parent is not None:  # else its parent is not shown (held, spam, trashed)
                parent.children.append(comment)
    if order_setting() == "newest":
        top_level.reverse()
    paginator = Paginator(top_level, per_page_setting())
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return ThreadPage(list(page.object_list), page, _visible_count(top_level), own_ids)


def _visible_count(top_level) -> int:
    """The approved comments under approved comments only (Comment.objects.visible())."""
    count = 0
    stack = [c for c in top_level if c.status == Comment.Status.APPROVED]
    while stack:
        comment = stack.pop()
        count += 1
        stack.extend(c for c in comment.children if c.status == Comment.Status.APPROVED)
    return count


def page_of(comment: Comment, *, own_ids=()) -> int:
    """The page of top-level comments on which a comment's thread appears."""
    root_id = comment.root_id or comment.pk
    root = comment if root_id == comment.pk else Comment.objects.get(pk=root_id)
    before = Q(submitted_at__lt=root.submitted_at) | Q(
        submitted_at=root.submitted_at, pk__lt=root.pk
    )
    if order_setting() == "newest":
        before = Q(submitted_at__gt=root.submitted_at) | Q(
            submitted_at=root.submitted_at, pk__gt=root.pk
        )
    position = (
        Comment.objects.for_post(root.post_id).shown_to(own_ids).top_level().filter(before).count()
    )
    return position // per_page_setting() + 1
