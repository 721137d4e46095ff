"""Reader addresses. Each is written in English and translated in the catalogues
("articles/" is "articoli/" in Italian), so every language's addresses are in its own words;
a language whose catalogue lacks them falls back as its other words do (to the first
language's, Django's fallback). An address in another language's words is sent to this
language's (blogsite.addresses)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from posts import converters, feeds, views  # noqa: F401 (converters registers pagepath)

app_name = "posts"

urlpatterns = [
    path("", views.PostIndexView.as_view(), name="index"),
    path(_("articles/<slug:slug>/"), views.PostDetailView.as_view(), name="detail"),
    path(_("preview/<id:pk>/"), views.PostPreviewView.as_view(), name="preview"),
    path(_("tags/"), views.TagIndexView.as_view(), name="tag-index"),
    path(_("tag/<slug:slug>/"), views.TagDetailView.as_view(), name="tag-detail"),
    path(_("tag/<slug:slug>/feed/rss/"), feeds.TagPostFeed(), name="tag-feed-rss"),
    path(_("tag/<slug:slug>/feed/atom/"), feeds.TagPostAtomFeed(), name="tag-feed-atom"),
    path(_("categories/"), views.CategoryIndexView.as_view(), name="category-index"),
    path(_("category/<slug:slug>/"), views.CategoryDetailView.as_view(), name="category-detail"),
    path(
        _("category/<slug:slug>/feed/rss/"),
        feeds.CategoryPostFeed(),
        name="category-feed-rss",
    ),
    path(_("authors/"), views.AuthorIndexView.as_view(), name="author-index"),
    path(_("authors/<str:username>/"), views.AuthorDetailView.as_view(), name="author-detail"),
    path(
        _("authors/<str:username>/feed/rss/"),
        feeds.AuthorPostFeed(),
        name="author-feed-rss",
    ),
    path(
        _("authors/<str:username>/feed/atom/"),
        feeds.AuthorPostAtomFeed(),
        name="author-feed-atom",
    ),
    path(_("archive/"), views.ArchiveIndexView.as_view(), name="archive-index"),
    path(_("archive/<int:year>/"), views.PostYearArchiveView.as_view(), name="archive-year"),
    path(
        _("archive/<int:year>/<int:month>/"),
        views.PostMonthArchiveView.as_view(),
        name="archive-month",
    ),
    path(_("search/"), views.PostSearchView.as_view(), name="search"),
    path(_("files/<id:pk>/"), views.MediaDetailView.as_view(), name="media-detail"),
    path(_("unlock/"), views.unlock, name="unlock"),
    path("feed/rss/", feeds.PostFeed(), name="feed-rss"),
    path("feed/atom/", feeds.PostAtomFeed(), name="feed-atom"),
    # Last: a static page at its path, once every other address has had its chance.
    path("<pagepath:path>/", views.PageDetailView.as_view(), name="page"),
]
