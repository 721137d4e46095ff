"""Writes to comments, each one transaction. Views, admin actions, management commands,
importers and tests all call these (`from comments import services`).

Where each lives:
- writes.py: the one write path of a comment row (build_comment, create_comment,
  create_comments, insert_comments, update_comment), which checks fields with
  fieldcheck.py (clean_fields at the cost of what can be wrong) and inserts many rows
  with rows.py (one statement per batch size);
- submit.py: a reader's new comment, the one door (submit_comment: open thread, reply
  target, rate limit, duplicate, spam verdict, rules, one save; or CommentRefused);
- own.py: a commenter editing or deleting their own comment;
- addresses.py: confirming or unsubscribing an e-mail address;
- moderator.py: moderation (moderate, moderate_many), moderators' replies and edits;
- ban.py: banning a commenter (blocked terms) and sending their comments to spam;
- flags.py: readers flagging a published comment back to the queue.
"""

from .addresses import confirm_email, unsubscribe
from .ban import Ban, ban_commenter
from .flags import Flagging, flag_comment
from .moderator import (
    ModeratorReply,
    edit_as_moderator,
    moderate,
    moderate_many,
    reply_as_moderator,
)
from .own import can_change_own, delete_own_comment, edit_comment
from .submit import (
    CommentRefused,
    apply_rules,
    ask_spam_pipeline,
    candidate_for,
    refuse_if_closed,
    same_text,
    submit_comment,
)
from .writes import (
    NEW_COMMENT_FIELDS,
    NewComment,
    attach_point,
    build_comment,
    build_comments,
    create_comment,
    create_comments,
    insert_comments,
    rename_account_comments,
    save_new_comment,
    set_thread_fields,
    update_comment,
)

__all__ = [
    "Ban",
    "CommentRefused",
    "Flagging",
    "ban_commenter",
    "flag_comment",
    "NEW_COMMENT_FIELDS",
    "ModeratorReply",
    "NewComment",
    "apply_rules",
    "ask_spam_pipeline",
    "attach_point",
    "build_comment",
    "build_comments",
    "can_change_own",
    "candidate_for",
    "confirm_email",
    "create_comment",
    "create_comments",
    "delete_own_comment",
    "edit_as_moderator",
    "edit_comment",
    "insert_comments",
    "rename_account_comments",
    "moderate",
    "moderate_many",
    "refuse_if_closed",
    "reply_as_moderator",
    "same_text",
    "save_new_comment",
    "set_thread_fields",
    "submit_comment",
    "unsubscribe",
    "update_comment",
]
