"""Where a message is shown: next to the section it is about, or at the top of the page.

Views that want a message shown in their section add the section's tag (extra_tags); the
section's template tag reads it with section_messages() and base.html shows the rest.
"""

from django.contrib.messages import get_messages

COMMENTS = "comments"
REACTIONS = "reactions"
SECTIONS = {COMMENTS, REACTIONS}


def section_messages(request, section):
    """Return the request's messages tagged for `section`."""
    return [m for m in get_messages(request) if section in m.extra_tags.split()]


def page_messages(request):
    """Return the request's messages that no section shows itself."""
    return [m for m in get_messages(request) if not SECTIONS & set(m.extra_tags.split())]
