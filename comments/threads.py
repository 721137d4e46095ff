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


def thread_page(post, *, page_number=1, own_ids=()) -> ThreadPage:
    """Return one page of top-level comments with all their shown replies.

    Queries: the approved count, the paginator's count, the page of threads, their replies.
    """
    # by_staff: the "staff" mark of a moderator's reply, read with the rows (no query each).
    shown = Comment.objects.for_post(post).shown_to(own_ids).annotate(by_staff=F("user__is_staff"))
    approved_count = Comment.objects.for_post(post).visible().count()
    paginator = Paginator(shown.top_level().in_order(order_setting()), per_page_setting())
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    threads = list(page.object_list)
    by_id = {}
    for comment in threads:
        comment.post = post  # avoid a query per comment when checking the author badge
        comment.children = []
        by_id[comment.pk] = comment
    if threads:
        for reply in shown.in_threads(by_id):
            parent = by_id.get(reply.parent_id)
            if parent is None:  # its parent is not shown (held, spam, trashed)
                continue
            reply.post = post
            reply.children = []
            parent.children.append(reply)
            by_id[reply.pk] = reply
    return ThreadPage(threads, page, approved_count, frozenset(own_ids))


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
