from .comment import (
    Comment,
    CommentQuerySet,
    ModerationTerm,
    is_visible_among,
    visible_sql,
)
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
    "is_visible_among",
    "visible_sql",
]
