"""One table of status moves (comments.transitions) for the service, the row buttons and the
bulk actions: each move is offered, labelled and taught the same way everywhere."""

import re

import pytest
from django.utils import translation

from comments import services, transitions
from comments.models import Comment
from comments.spam.models import ClassifierState
from tests.comments.moderation_factories import make_comment

Status = Comment.Status
CHANGELIST = "/admin/comments/comment/"


def test_every_status_can_move_to_every_other_with_one_key_per_target():
    for status in Status.values:
        moves = transitions.moves_from(status)
        order = [Status.APPROVED, Status.PENDING, Status.SPAM, Status.TRASH]
        assert [move.target for move in moves] == [s for s in order if s != status]
        assert len({move.key for move in moves}) == len(moves)
        assert transitions.find(status, status) is None


@pytest.mark.django_db
@pytest.mark.parametrize("status", Status.values)
def test_a_row_offers_the_moves_of_the_table_with_their_labels_and_keys(
    editor_client, post, status
):
    comment = make_comment(post=post, status=status)
    page = editor_client.get(CHANGELIST, {"status": status}).content.decode()
    block = re.search(
        rf'<div class="queue-actions" data-comment="{comment.pk}">(.*?)</div>', page, re.S
    ).group(1)
    buttons = re.findall(
        r'name="status" value="(\w+)" class="button queue-action" data-key="(\w)">([^<]+)<',
        block,
    )
    with translation.override("it"):
        expected = [
            (move.target, move.key, str(move.label)) for move in transitions.moves_from(status)
        ]
    assert buttons == expected


@pytest.mark.django_db
def test_the_bulk_actions_are_those_of_the_table(editor_client, post):
    make_comment(post=post)
    page = editor_client.get(CHANGELIST).content.decode()
    offered = re.findall(r'<option value="(\w+)">', page)
    names = [action.name for action in transitions.BULK_ACTIONS]
    assert [name for name in offered if name in names] == names


@pytest.mark.django_db
@pytest.mark.parametrize("move", transitions.TRANSITIONS, ids=lambda m: f"{m.source}-{m.target}")
def test_each_move_through_the_service_teaches_the_filter_what_the_table_says(post, move):
    comment = make_comment(post=post, status=move.source)
    services.moderate(comment=comment, status=move.target)
    comment.refresh_from_db()
    assert comment.status == move.target
    state = ClassifierState.objects.first()
    learned = (state.spam_learned, state.ham_learned) if state else (0, 0)
    assert learned == {"spam": (1, 0), "ham": (0, 1), None: (0, 0)}[move.teaches]


@pytest.mark.django_db
def test_a_row_button_refuses_a_move_that_is_not_in_the_table(editor_client, post):
    comment = make_comment(post=post, status=Status.SPAM)
    response = editor_client.post(f"{CHANGELIST}{comment.pk}/moderate/", {"status": "spam"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.SPAM
