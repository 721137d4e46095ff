from .comment import Comment, CommentQuerySet, ModerationTerm
from .subscription import Unsubscription

__all__ = ["Comment", "CommentQuerySet", "ModerationTerm", "Unsubscription"]
