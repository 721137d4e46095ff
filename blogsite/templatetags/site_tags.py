from django import template
from django.contrib.messages import get_messages

from comments.views import MESSAGE_TAG as COMMENTS_TAG
from posts.reaction_views import MESSAGE_TAG as REACTIONS_TAG

register = template.Library()

# Sections that show their own messages next to what they are about.
SECTION_TAGS = {COMMENTS_TAG, REACTIONS_TAG}


@register.simple_tag(takes_context=True)
def page_messages(context):
    """Return the messages for the top of the page: those no section shows itself."""
    request = context.get("request")
    if request is None:
        return []
    return [m for m in get_messages(request) if not SECTION_TAGS & set(m.extra_tags.split())]
