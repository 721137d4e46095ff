"""Template tags for the admin: the moderation queue's pending count on the index page."""

from django import template

from comments.models import Comment

register = template.Library()


@register.simple_tag
def pending_comment_count():
    """Return how many comments await moderation."""
    return Comment.objects.in_moderation().count()
