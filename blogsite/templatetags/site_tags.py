from django import template

from blogsite import messages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_messages(context):
    """Return the messages for the top of the page: those no section shows itself."""
    request = context.get("request")
    if request is None:
        return []
    return messages.page_messages(request)
