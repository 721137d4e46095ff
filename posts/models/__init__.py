from .base import TranslatableModel, WordPressModel
from .media import Media, MediaKind
from .page import Page, PageQuerySet
from .post import Post, PostQuerySet, published_q, scheduled_q
from .profile import Profile, display_name
from .revision import Revision
from .terms import Category, Tag

__all__ = [
    "Category",
    "Media",
    "MediaKind",
    "Page",
    "PageQuerySet",
    "Post",
    "PostQuerySet",
    "Profile",
    "Revision",
    "Tag",
    "TranslatableModel",
    "WordPressModel",
    "display_name",
    "published_q",
    "scheduled_q",
]
