from django.urls import path

from comments import feeds, flagging, unsubscribe, views

app_name = "comments"

urlpatterns = [
    path("post/<id:pk>/", views.post_comment, name="post"),
    path("<id:pk>/", views.permalink, name="permalink"),
    path(
        "wordpress/<id:wordpress_id>/",
        views.permalink_by_wordpress_id,
        name="wordpress-permalink",
    ),
    path("<id:pk>/edit/", views.edit_comment, name="edit"),
    path("<id:pk>/delete/", views.delete_comment, name="delete"),
    path("<id:pk>/flag/", flagging.flag_comment, name="flag"),
    path("<id:pk>/confirm-email/", views.request_confirmation, name="request-confirmation"),
    path("confirm/<str:token>/", views.confirm_email, name="confirm-email"),
    path("feed/rss/", feeds.LatestCommentFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestCommentAtomFeed(), name="feed-atom"),
    path("feed/<slug:slug>/rss/", feeds.PostCommentFeed(), name="post-feed-rss"),
    path("feed/<slug:slug>/atom/", feeds.PostCommentAtomFeed(), name="post-feed-atom"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
