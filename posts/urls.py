from django.urls import include, path

from posts import views

app_name = "posts"

urlpatterns = [
    path("", views.PostIndexView.as_view(), name="index"),
    path("articoli/<slug:slug>/", views.PostDetailView.as_view(), name="detail"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("", include("posts.reaction_urls")),  # reactions (issue 3)
]
