"""Template tags for the admin: how many comments await moderation, on the index page and
beside "Comments" in the admin's menu (the app list)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import ngettext

from comments.admin.filters import status_counts
from comments.models import Comment

register = template.Library()


@register.simple_tag
def pending_comment_count():
    """Return how many comments await moderation."""
    return Comment.objects.in_moderation().count()


@register.simple_tag(takes_context=True)
def moderation_badge(context, app_label, model):
    """The pending count beside the comments' entry of the app list, for those who moderate
    (the queue's script keeps it current); nothing for the other entries."""
    if app_label != "comments" or model.get("object_name") != "Comment":
        return ""
    if not model.get("perms", {}).get("change"):
        return ""
    request = context.get("request")
    # The queue has counted already: the same request's counts cost no query.
    count = status_counts(request)["pending"] if request else pending_comment_count()
    return format_html(
        ' <span class="moderation-badge" data-status-count="pending" title="{}">({})</span>',
        ngettext(
            "%(count)d comment awaits moderation", "%(count)d comments await moderation", count
        )
        % {"count": count},
        count,
    )
