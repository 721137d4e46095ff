from .post import Post, PostQuerySet, Tag
from .reaction import Reaction, ReactionKind

__all__ = ["Post", "PostQuerySet", "Reaction", "ReactionKind", "Tag"]
