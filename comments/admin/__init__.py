"""The comments' admin: the moderation queue, and the moderation word lists.

Where each part lives:
- comment.py: CommentAdmin, the queue (list, ordering, the change form), assembled from
- filters.py: the status filter and per-status counts;
- reasons.py: the filter by the reason a comment was caught (spam, pending, trash);
- columns.py: the queue's columns and each row's one-click buttons;
- rows.py: what a row's button does (one comment, one move);
- bulk.py: the bulk actions on a selection;
- reply.py: a moderator's reply;
- ban.py: banning a commenter and sending their comments to spam;
- answers.py: the JSON answers that let the queue's script work in place;
- terms.py: moderation terms and unsubscriptions.

Every status change goes through comments.services (moderate, moderate_many), which also
trains the spam filter and announces the change; which moves exist, with their labels and
keys, is comments.transitions' table.
"""

from . import comment, terms

__all__ = ["comment", "terms"]
