from django.urls import path

from posts import converters, feeds, views  # noqa: F401 (converters registers pagepath)

app_name = "posts"

urlpatterns = [
    path("", views.PostIndexView.as_view(), name="index"),
    path("articoli/<slug:slug>/", views.PostDetailView.as_view(), name="detail"),
    path("anteprima/<id:pk>/", views.PostPreviewView.as_view(), name="preview"),
    path("tag/", views.TagIndexView.as_view(), name="tag-index"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("tag/<slug:slug>/feed/rss/", feeds.TagPostFeed(), name="tag-feed-rss"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagPostAtomFeed(), name="tag-feed-atom"),
    path("categorie/", views.CategoryIndexView.as_view(), name="category-index"),
    path("categoria/<slug:slug>/", views.CategoryDetailView.as_view(), name="category-detail"),
    path("autori/", views.AuthorIndexView.as_view(), name="author-index"),
    path("autori/<str:username>/", views.AuthorDetailView.as_view(), name="author-detail"),
    path("archivio/", views.ArchiveIndexView.as_view(), name="archive-index"),
    path("archivio/<int:year>/", views.PostYearArchiveView.as_view(), name="archive-year"),
    path(
        "archivio/<int:year>/<int:month>/",
        views.PostMonthArchiveView.as_view(),
        name="archive-month",
    ),
    path("cerca/", views.PostSearchView.as_view(), name="search"),
    path("feed/rss/", feeds.PostFeed(), name="feed-rss"),
    path("feed/atom/", feeds.PostAtomFeed(), name="feed-atom"),
    # Last: a static page at its path, once every other address has had its chance.
    path("<pagepath:path>/", views.PageDetailView.as_view(), name="page"),
]
