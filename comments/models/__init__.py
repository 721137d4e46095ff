from .comment import Comment, CommentQuerySet, ModerationTerm
from .flag import Flag
from .subscription import Unsubscription
from .trust import ConfirmedEmail

__all__ = [
    "Comment",
    "CommentQuerySet",
    "ConfirmedEmail",
    "Flag",
    "ModerationTerm",
    "Unsubscription",
]
