from .comment import Comment, CommentQuerySet, ModerationTerm

__all__ = ["Comment", "CommentQuerySet", "ModerationTerm"]
