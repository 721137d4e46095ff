"""Reading the comments of an article: a page of threads in a fixed number of queries."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import F, Q

from comments.conf import comment_settings
from comments.models import Comment, is_visible_among, visible_sql
from comments.rows import instances_from_sql


@dataclass
class ThreadPage:
    threads: list[Comment]  # top-level comments, each with .children (recursively)
    page: object  # django.core.paginator.Page of the top-level comments
    approved_count: int
    own_ids: frozenset = field(default_factory=frozenset)
    thread_id: int | None = None  # the one thread shown whole (?thread=ID), if any


def order_setting() -> str:
    return "newest" if comment_settings.ORDER == "newest" else "oldest"


def per_page_setting() -> int:
    return max(int(comment_settings.PER_PAGE), 1)


def replies_setting() -> int | None:
    """Replies loaded under each top-level comment of a page (None: all of them)."""
    value = comment_settings.REPLIES_PER_THREAD
    return None if value is None else max(int(value), 1)


# Kept on the server for moderation; the article page never shows them.
UNSHOWN_FIELDS = ("ip_address", "user_agent", "referrer", "spam_reasons")


def thread_page(post, *, page_number=1, own_ids=(), thread_id=None) -> ThreadPage:
    """Return one page of top-level comments with their first shown replies.

    One query, whatever the number of comments: every top-level comment shown to this
    reader and, in each thread, the first COMMENTS_REPLIES_PER_THREAD replies (oldest
    first), with their author's staff flag and, per thread, how many replies it has and
    how many of them every reader sees; the top-level ones are paginated in memory. Each
    top-level comment gets `hidden_replies`, the number of its thread's replies left out,
    and `last_reply_id`, the last one loaded (where its thread's page is opened).

    With `thread_id`, the page is that one thread with all its replies (None when it is
    not shown on this article).
    """
    own_ids = frozenset(own_ids)
    cap = replies_setting()
    if thread_id is not None or cap is None:
        shown = Comment.objects.for_post(post).shown_to(own_ids)
        if thread_id is not None:
            shown = shown.filter(Q(pk=thread_id, parent__isnull=True) | Q(root_id=thread_id))
            cap = None
        # by_staff: the "staff" mark of a moderator's reply, read with the rows.
        rows = list(
            shown.annotate(by_staff=F("user__is_staff"))
            .defer(*UNSHOWN_FIELDS)
            .order_by("submitted_at", "pk")
        )
    else:
        rows = list(_first_replies_of_threads(post.pk, own_ids, cap))
    by_id = {}
    for comment in rows:
        comment.post = post  # avoid a query per comment when checking the author badge
        comment.children = []
        comment.hidden_replies = 0
        by_id[comment.pk] = comment
    top_level = []
    replies_of = {}  # thread id: (its replies, of which every reader sees), when capped
    deepest = max(int(comment_settings.MAX_DEPTH), 1) - 1  # the last level that indents
    for comment in rows:  # oldest first, so replies are attached in the order they came
        if comment.parent_id is None:
            top_level.append(comment)
        else:
            if cap is not None:
                replies_of[comment.root_id] = (
                    comment.thread_replies,
                    comment.thread_visible,
                    comment.pk,  # the last one loaded, as rows come in order
                )
            parent = by_id.get(comment.parent_id)
            if parent is not None:  # else its parent is not shown (held, spam, trashed)
                # Past the last level that indents (an imported thread keeps its real
                # depth), a reply is listed beside the comment it answers, naming it.
                holder = parent
                if parent.depth >= deepest and getattr(parent, "holder", None) is not None:
                    holder = parent.holder
                    comment.in_reply_to = parent
                comment.holder = holder
                holder.children.append(comment)
    if thread_id is not None and not top_level:
        return None
    if order_setting() == "newest":
        top_level.reverse()
    if cap is None:
        approved_count = _visible_count(rows)
    else:
        approved_count = 0
        for comment in top_level:
            replies, visible, last_id = replies_of.get(comment.pk, (0, 0, None))
            comment.hidden_replies = max(replies - cap, 0)
            comment.last_reply_id = last_id
            if comment.status == Comment.Status.APPROVED:
                approved_count += 1 + visible
    paginator = Paginator(top_level, per_page_setting())
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return ThreadPage(list(page.object_list), page, approved_count, own_ids, thread_id)


def _first_replies_of_threads(post_id: int, own_ids: frozenset, cap: int):
    """The comments of an article shown to this reader, but at most `cap` replies of each
    thread (the oldest), each with `by_staff`, `thread_replies` (the replies of its thread
    shown to this reader) and `thread_visible` (those every reader sees, as
    Comment.objects.visible() would count them).

    Written in SQL: the same query through the ORM (window functions and a filter on one)
    cost 2.5 ms of Python to build on every article page, more than the rendering of a page
    of comments; this costs a tenth of that. Portable (SQLite 3.25+, PostgreSQL).
    """
    q = connection.ops.quote_name
    meta = Comment._meta
    table = q(meta.db_table)
    fields = [f for f in meta.concrete_fields if f.name not in UNSHOWN_FIELDS]
    columns = [q(f.column) for f in fields]
    inner = ", ".join(f"c.{column}" for column in columns)
    outer = ", ".join(columns)
    # Comment.objects.visible(), spelled in SQL beside it (comments.models.visible_sql).
    joins, visible, params = visible_sql("c", table)
    own = ""
    params += [post_id, Comment.Status.APPROVED]
    if own_ids:  # as CommentQuerySet.shown_to()
        awaiting = ", ".join(["%s"] * len(Comment.AWAITING_FOR_AUTHOR))
        own = f" OR (c.status IN ({awaiting}) AND c.id IN ({', '.join(['%s'] * len(own_ids))}))"
        params += [*Comment.AWAITING_FOR_AUTHOR, *sorted(own_ids)]
    params.append(cap)
    users = q(get_user_model()._meta.db_table)
    sql = (
        f"SELECT {outer}, by_staff, thread_replies, thread_visible FROM ("
        f"SELECT {inner}, u.is_staff AS by_staff,"
        " ROW_NUMBER() OVER (PARTITION BY c.root_id ORDER BY c.submitted_at, c.id)"
        " AS reply_rank,"
        " COUNT(*) OVER (PARTITION BY c.root_id) AS thread_replies,"
        f" SUM(CASE WHEN {visible} THEN 1 ELSE 0 END)"
        " OVER (PARTITION BY c.root_id) AS thread_visible"
        f" FROM {table} c LEFT JOIN {users} u ON u.id = c.user_id {joins}"
        f" WHERE c.post_id = %s AND (c.status = %s{own})"
        ") shown WHERE parent_id IS NULL OR reply_rank <= %s"
        " ORDER BY submitted_at, id"
    )
    extra = ("by_staff", "thread_replies", "thread_visible")
    return instances_from_sql(Comment, fields, extra, sql, params)


def _visible_count(rows) -> int:
    """The comments among `rows` every reader sees (Comment.objects.visible())."""
    by_id = {comment.pk: comment for comment in rows}
    return sum(is_visible_among(comment, by_id) for comment in rows)


def beyond_the_cap(comment: Comment, *, own_ids=()) -> bool:
    """Whether a reply is left out of its thread on the article's pages (see thread_page),
    so that a link to it must open the thread's own page."""
    cap = replies_setting()
    if comment.parent_id is None or cap is None:
        return False
    before = Q(submitted_at__lt=comment.submitted_at) | Q(
        submitted_at=comment.submitted_at, pk__lt=comment.pk
    )
    earlier = (
        Comment.objects.for_post(comment.post_id)
        .shown_to(own_ids)
        .filter(before, root_id=comment.root_id)
        .count()
    )
    return earlier >= cap


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
