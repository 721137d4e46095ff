"""Reaction URLs (reactions:react, reactions:state, reactions:most-appreciated)."""

from django.urls import path

from posts.reactions import views

app_name = "reactions"

urlpatterns = [
    path("reazioni/<id:pk>/", views.reaction_state, name="state"),
    path("reazioni/<id:pk>/vota/", views.react, name="react"),
    path("piu-apprezzati/", views.MostAppreciatedView.as_view(), name="most-appreciated"),
]
