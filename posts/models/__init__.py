from .post import Post, PostQuerySet, Tag

__all__ = ["Post", "PostQuerySet", "Tag"]
