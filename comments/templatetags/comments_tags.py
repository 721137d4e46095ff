"""Inclusion tags that prepare everything the comment templates show (no queries in loops)."""

import re
import zlib

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext, pgettext_lazy

from blogsite.ids import parse_id, query_id
from blogsite.messages import section_messages
from blogsite.reader import reader_of
from comments.forms import CommentForm
from comments.models import Comment
from comments.moderation import comments_are_open
from comments.rendering import CommentListRenderer
from comments.services import can_change_own
from comments.text import render_comment_body
from comments.threads import thread_page
from comments.views import MESSAGE_TAG
from posts.weburl import web_url as _web_url

register = template.Library()

AVATAR_COLORS = 12

# The comment date uses the "E" format (alternative month names). Italian writes months in
# lower case inside a sentence ("7 febbraio 2021"); Django's catalogue capitalizes them. These
# msgids give our catalogue the lower-case forms, which take precedence over Django's.
ALT_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]


@register.filter
def comment_text(body: str) -> str:
    """The rendered form of a comment body (comments store it as body_html)."""
    return mark_safe(render_comment_body(body))  # noqa: S308 - escaped by urlize


@register.filter
def web_url(value) -> str:
    """The address when it may be a link (http or https), else "": old rows can hold a
    `javascript:` or `data:` URL that no form would accept today."""
    return _web_url(value)


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s._-]+", name or "") if w and w[0].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def avatar_color(name: str) -> int:
    # crc32, not hash(): the same name gets the same color in every process.
    return zlib.crc32((name or "").strip().lower().encode()) % AVATAR_COLORS


def privacy_url() -> str:
    try:
        return reverse("privacy")
    except NoReverseMatch:
        return "/privacy/"


def decorate(comments, *, page_query, own_ids, now=None, can_reply=True):
    """Give each comment of a tree what its template shows; return {pk: comment}."""
    by_id = {}
    stack = list(comments)
    while stack:
        comment = stack.pop()
        by_id[comment.pk] = comment
        comment.initials = initials(comment.author_name)
        comment.avatar_color = avatar_color(comment.author_name)
        comment.is_own = comment.pk in own_ids
        comment.can_change = comment.is_own and can_change_own(comment, own_comment_ids=own_ids)
        comment.can_confirm_email = comment.is_own and comment.user_id is None
        # A pingback or trackback is another site's link to the article, not a reader: it is
        # shown as such, without an avatar, and nobody answers it (as WordPress's themes).
        comment.is_ping = comment.kind != Comment.Kind.COMMENT
        can_answer = can_reply and not comment.is_ping
        comment.reply_url = f"?{page_query}replyto={comment.pk}#respond" if can_answer else ""
        stack.extend(getattr(comment, "children", ()))
    return by_id


@register.inclusion_tag("comments/includes/_feed_links.html")
def comment_feed_links(post):
    """The <link rel="alternate"> of an article's comment feeds, for its page's <head>."""
    return {"post": post}


@register.inclusion_tag("comments/includes/_comments.html", takes_context=True)
def render_comments(context, post):
    """The comment list, pagination and form of an article (or one whole thread of it,
    ?thread=ID, which a "show N more replies" link opens)."""
    request = context["request"]
    reader = reader_of(request)
    own_ids = reader.own_comment_ids
    thread_id = query_id(request, "thread")
    page = None
    if thread_id:
        page = thread_page(post, own_ids=own_ids, thread_id=thread_id)
    if page is None:  # no thread asked for, or not one of this article's
        thread_id = None
        page = thread_page(post, page_number=request.GET.get("cpage") or 1, own_ids=own_ids)
    is_open = comments_are_open(post)
    if thread_id:
        page_query = f"thread={thread_id}&"
    else:
        page_query = f"cpage={page.page.number}&" if page.page.number > 1 else ""
    by_id = decorate(page.threads, page_query=page_query, own_ids=own_ids, can_reply=is_open)

    form = context.get("comment_form")
    reply_to = None
    if is_open and form is None:
        initial = {}
        reply_to_id = query_id(request, "replyto")
        if reply_to_id:
            reply_to = by_id.get(reply_to_id) or (
                Comment.objects.for_post(post).shown_to(own_ids).filter(pk=reply_to_id).first()
            )
            if reply_to:
                initial["parent"] = reply_to.pk
        remembered = reader.remembered_author
        if remembered:
            initial.update(remembered, remember=True)
        form = CommentForm(initial=initial, post=post, user=request.user)
    elif form is not None and form.data.get("parent"):
        reply_to = by_id.get(parse_id(form.data.get("parent")))

    count = page.approved_count
    if thread_id:
        heading = ngettext(
            "%(count)s comment in this conversation",
            "%(count)s comments in this conversation",
            count,
        ) % {"count": count}
    else:
        heading = ngettext("%(count)s comment", "%(count)s comments", count) % {"count": count}
    return {
        "request": request,
        "user": request.user,
        "post": post,
        "page": page.page,
        "threads": page.threads,
        "thread_id": thread_id,
        "comment_list": CommentListRenderer(csrf_token=context.get("csrf_token")).render(
            page.threads
        ),
        "heading": heading,
        "is_open": is_open,
        "form": form,
        "reply_to": reply_to,
        "privacy_url": privacy_url(),
        "csrf_token": context.get("csrf_token"),
        # The dialog asking before a comment is deleted, where the reader may delete one.
        "can_delete": any(comment.can_change for comment in by_id.values()),
        "messages": section_messages(request, MESSAGE_TAG),
    }
