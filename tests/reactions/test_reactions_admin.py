"""The admin lists and edits reaction kinds and shows the votes read-only."""

import pytest
from django.urls import reverse

from posts.reactions.models import Reaction, ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter, new_anonymous_id

pytestmark = pytest.mark.django_db


def test_editors_reorder_and_switch_off_kinds_from_the_list(admin_client):
    kinds = list(ReactionKind.objects.all())
    url = reverse("admin:reactions_reactionkind_changelist")
    assert admin_client.get(url).status_code == 200
    data = {
        "form-TOTAL_FORMS": str(len(kinds)),
        "form-INITIAL_FORMS": str(len(kinds)),
        "_save": "Save",
    }
    for n, kind in enumerate(kinds):
        data[f"form-{n}-id"] = str(kind.pk)
        data[f"form-{n}-position"] = str(len(kinds) - n)
        data[f"form-{n}-active"] = "on" if kind.code != "funny" else ""
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert not ReactionKind.objects.get(code="funny").active
    assert list(ReactionKind.objects.values_list("code", flat=True))[0] == kinds[-1].code


def test_votes_are_listed_but_not_added_or_edited_in_the_admin(admin_client, post):
    cast_reaction(
        post=post,
        kind=ReactionKind.objects.get(code="useful"),
        voter=anonymous_voter(new_anonymous_id()),
    )
    reaction = Reaction.objects.get()
    response = admin_client.get(reverse("admin:reactions_reaction_changelist"))
    assert response.status_code == 200
    assert post.title in response.text
    assert admin_client.get(reverse("admin:reactions_reaction_add")).status_code == 403
    change = reverse("admin:reactions_reaction_change", args=[reaction.pk])
    admin_client.post(change, {"kind": ReactionKind.objects.get(code="love").pk})
    assert Reaction.objects.get().kind.code == "useful"
