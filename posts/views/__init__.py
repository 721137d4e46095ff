"""The reader pages of posts, by concept:

- mixins.py: what every page shares (content language, page cache, published lists);
- reading.py: the home list, an article and its preview (render_post for other apps), a page;
- archives.py: lists by tag, category, author, year and month, and their index pages;
- search.py: the search page;
- media.py: a file of the media library on its own page;
- protection.py: the password form of a protected article or page;
- account.py: the reader's account page.
"""

from .account import account_profile
from .archives import (
    ArchiveIndexView,
    AuthorDetailView,
    AuthorIndexView,
    CategoryDetailView,
    CategoryIndexView,
    PostArchiveMixin,
    PostMonthArchiveView,
    PostYearArchiveView,
    TagDetailView,
    TagIndexView,
)
from .media import MediaDetailView
from .mixins import (
    PAGE_SIZE,
    ContentLanguageMixin,
    IndexPaginationMixin,
    PublishedPostsMixin,
    SitePageCacheMixin,
)
from .protection import unlock
from .reading import (
    RELATED_COUNT,
    PageDetailView,
    PostDetailView,
    PostIndexView,
    PostPreviewView,
    render_post,
)
from .search import PostSearchView

__all__ = [
    "MediaDetailView",
    "PAGE_SIZE",
    "RELATED_COUNT",
    "ArchiveIndexView",
    "AuthorDetailView",
    "AuthorIndexView",
    "CategoryDetailView",
    "CategoryIndexView",
    "ContentLanguageMixin",
    "IndexPaginationMixin",
    "PageDetailView",
    "PostArchiveMixin",
    "PostDetailView",
    "PostIndexView",
    "PostMonthArchiveView",
    "PostPreviewView",
    "PostSearchView",
    "PostYearArchiveView",
    "PublishedPostsMixin",
    "SitePageCacheMixin",
    "TagDetailView",
    "TagIndexView",
    "account_profile",
    "render_post",
    "unlock",
]
