"""Reaction URLs (reactions:react, reactions:state, reactions:most-appreciated)."""

from django.urls import path

from posts.reactions import views

app_name = "reactions"

urlpatterns = [
    path("articoli/<slug:slug>/reazioni/", views.reaction_state, name="state"),
    path("articoli/<slug:slug>/reazioni/vota/", views.react, name="react"),
    path("piu-apprezzati/", views.MostAppreciatedView.as_view(), name="most-appreciated"),
]
