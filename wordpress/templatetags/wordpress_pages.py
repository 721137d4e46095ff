"""What readers wrote on a WordPress page, shown under the page as it was (read only).

Pages here take no new comments, but the approved comments a WordPress page had were
published: they stay readable where they were, threads included, each at
`#comment-<WordPress id>` so that an old link to one still lands on it.
"""

from django import template
from django.utils.safestring import mark_safe

from comments.conf import comment_settings
from comments.templatetags.comments_tags import avatar_color, initials
from comments.text import render_comment_body
from posts.weburl import web_url
from wordpress.models import PageComment

register = template.Library()

APPROVED = "approved"


def page_comment_tree(page) -> tuple[list, int]:
    """The page's approved comments as a tree (one query). A reply whose parent is not
    shown, or caught in a loop of parents, stands at the top level: no approved comment is
    hidden."""
    rows = list(
        PageComment.objects.filter(page=page, status=APPROVED).order_by("submitted_at", "pk")
    )
    shown = {row.wordpress_id: row for row in rows}
    for row in rows:
        row.children = []
        row.in_reply_to = None
        row.body_html = mark_safe(render_comment_body(row.body))  # noqa: S308 - escaped there
        row.website = web_url(row.author_url)
        row.initials = initials(row.author_name)
        row.avatar_color = avatar_color(row.author_name)
    top = []
    for row in rows:
        parent = shown.get(row.parent_wordpress_id)
        (top if parent is None or parent is row else parent.children).append(row)
    reached = set()
    stack = list(top)
    while stack:
        row = stack.pop()
        reached.add(row.pk)
        stack.extend(row.children)
    looped = [row for row in rows if row.pk not in reached]  # a loop of parents
    for row in looped:
        shown[row.parent_wordpress_id].children.remove(row)
    top.extend(looped)
    return top, len(rows)


def indent(comments, depth: int, max_depth: int) -> list:
    """Threads indented as articles' are: below the deepest level a reply stands beside
    the comment it answers, saying whom it answers (the parent link is kept in the data)."""
    shaped = []
    for comment in comments:
        comment.depth = depth
        shaped.append(comment)
        if depth < max_depth:
            comment.replies = indent(comment.children, depth + 1, max_depth)
            continue
        comment.replies = []
        stack = [(reply, comment) for reply in reversed(comment.children)]
        while stack:
            reply, parent = stack.pop()
            reply.depth, reply.replies, reply.in_reply_to = depth, [], parent
            shaped.append(reply)
            stack.extend((child, reply) for child in reversed(reply.children))
    return shaped


@register.inclusion_tag("wordpress/page_comments.html")
def page_comments(page):
    tree, count = page_comment_tree(page)
    return {"page": page, "comments": indent(tree, 1, comment_settings.MAX_DEPTH), "count": count}
