from django.urls import path

from comments import feeds, flagging, unsubscribe, views

app_name = "comments"

urlpatterns = [
    path("post/<int:pk>/", views.post_comment, name="post"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path(
        "wordpress/<int:wordpress_id>/",
        views.permalink_by_wordpress_id,
        name="wordpress-permalink",
    ),
    path("<int:pk>/edit/", views.edit_comment, name="edit"),
    path("<int:pk>/delete/", views.delete_comment, name="delete"),
    path("<int:pk>/flag/", flagging.flag_comment, name="flag"),
    path("<int:pk>/confirm-email/", views.request_confirmation, name="request-confirmation"),
    path("confirm/<str:token>/", views.confirm_email, name="confirm-email"),
    path("feed/rss/", feeds.LatestCommentFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestCommentAtomFeed(), name="feed-atom"),
    path("feed/<slug:slug>/rss/", feeds.PostCommentFeed(), name="post-feed-rss"),
    path("feed/<slug:slug>/atom/", feeds.PostCommentAtomFeed(), name="post-feed-atom"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
