"""Finished facts about comments, sent with transaction.on_commit by the services.

Receivers (notifications, Akismet reports) must not assume they run in the request.
"""

from django.dispatch import Signal

# A comment was saved by submit_comment. Arguments: comment.
comment_submitted = Signal()

# A comment's status changed through moderate(). Arguments: comment, old_status, moderator.
comment_moderated = Signal()
