"""Reaction URLs, included into the posts namespace (posts:react, posts:reaction-state)."""

from django.urls import path

from posts import reaction_views

urlpatterns = [
    path(
        "articoli/<slug:slug>/reazioni/",
        reaction_views.reaction_state,
        name="reaction-state",
    ),
    path("articoli/<slug:slug>/reazioni/vota/", reaction_views.react, name="react"),
    path(
        "piu-apprezzati/",
        reaction_views.MostAppreciatedView.as_view(),
        name="most-appreciated",
    ),
]
