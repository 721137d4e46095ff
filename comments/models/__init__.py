from .comment import Comment, CommentQuerySet, ModerationTerm
from .subscription import Unsubscription
from .trust import ConfirmedEmail

__all__ = ["Comment", "CommentQuerySet", "ConfirmedEmail", "ModerationTerm", "Unsubscription"]
