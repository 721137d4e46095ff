"""Subscription URLs: subscribe, confirm, manage, unsubscribe (one click, RFC 8058)."""

from django.urls import path

from posts.subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("account/", views.subscribe_account, name="subscribe-account"),
    path("sent/", views.sent, name="sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
