"""Reaction URLs (reactions:react, reactions:state, reactions:most-appreciated)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from posts.reactions import views

app_name = "reactions"

urlpatterns = [
    # In English, translated like posts.urls ("reactions/" is "reazioni/" in Italian).
    path(_("reactions/<id:pk>/"), views.reaction_state, name="state"),
    path(_("reactions/<id:pk>/vote/"), views.react, name="react"),
    path(_("most-liked/"), views.MostAppreciatedView.as_view(), name="most-appreciated"),
]
