from .comment import Comment, CommentQuerySet, ModerationTerm
from .trust import ConfirmedEmail

__all__ = ["Comment", "CommentQuerySet", "ConfirmedEmail", "ModerationTerm"]
