"""comments.services.moderate and reply_as_moderator: status changes, announcements, replies."""

import pytest
from django.core.exceptions import ValidationError

from comments import services
from comments.models import Comment
from comments.signals import comment_moderated
from posts.models import display_name
from tests.comments.moderation_factories import make_comment, make_editor

Status = Comment.Status


@pytest.fixture
def heard():
    """Every comment_moderated announcement, as (comment pk, old status, new status, moderator)."""
    calls = []

    def receiver(sender, comment, old_status, moderator, **kwargs):
        calls.append((comment.pk, old_status, comment.status, moderator))

    comment_moderated.connect(receiver, dispatch_uid="test-heard")
    yield calls
    comment_moderated.disconnect(dispatch_uid="test-heard")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("before", "after"),
    [
        (Status.PENDING, Status.APPROVED),
        (Status.PENDING, Status.SPAM),
        (Status.PENDING, Status.TRASH),
        (Status.APPROVED, Status.PENDING),
        (Status.APPROVED, Status.SPAM),
        (Status.SPAM, Status.PENDING),
        (Status.SPAM, Status.APPROVED),
        (Status.TRASH, Status.PENDING),
    ],
)
def test_moderate_moves_a_comment_and_announces_it_after_commit(
    post, heard, django_capture_on_commit_callbacks, before, after
):
    comment = make_comment(post=post, status=before)
    moderator = make_editor()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.moderate(comment=comment, status=after, moderator=moderator)
        assert heard == []  # nothing announced before the transaction commits
    assert len(callbacks) >= 1
    comment.refresh_from_db()
    assert comment.status == after
    assert heard == [(comment.pk, before, after, moderator)]


@pytest.mark.django_db
def test_moderate_to_the_same_status_changes_and_announces_nothing(
    post, heard, django_capture_on_commit_callbacks
):
    comment = make_comment(post=post, status=Status.APPROVED)
    stamp = comment.updated_at
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comment=comment, status=Status.APPROVED)
    comment.refresh_from_db()
    assert comment.updated_at == stamp
    assert heard == []


@pytest.mark.django_db
def test_moderate_refuses_an_unknown_status_and_leaves_the_comment_alone(post, heard):
    comment = make_comment(post=post, status=Status.PENDING)
    with pytest.raises(ValidationError):
        services.moderate(comment=comment, status="published")
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert heard == []


@pytest.mark.django_db
def test_moderate_runs_through_the_real_spam_pipeline_for_spam_and_ham(post):
    # learn() is the spam pipeline's real function (a stub until the spam work lands): a
    # spam/ham label must reach it without raising, whatever it does with it.
    spam = make_comment(post=post, status=Status.PENDING, body="Compra pillole http://x.test")
    services.moderate(comment=spam, status=Status.SPAM)
    services.moderate(comment=spam, status=Status.PENDING)  # "not spam" teaches ham
    services.moderate(comment=spam, status=Status.APPROVED)
    spam.refresh_from_db()
    assert spam.status == Status.APPROVED


@pytest.mark.django_db
def test_a_moderator_reply_is_published_under_their_own_name_in_the_thread(post, heard):
    parent = make_comment(post=post, status=Status.APPROVED, language="en")
    moderator = make_editor(first_name="Giulia", last_name="Neri", email="giulia@example.com")
    result = services.reply_as_moderator(
        parent=parent, body="  Grazie, correggiamo.  ", moderator=moderator
    )
    reply = result.reply
    reply.refresh_from_db()
    assert reply.status == Status.APPROVED
    assert result.is_visible and not result.approved_parent
    assert reply.parent == parent
    assert reply.root_id == parent.pk  # a top-level comment is its own thread
    assert reply.depth == parent.depth + 1
    assert reply.user == moderator
    assert reply.author_name == display_name(moderator)
    assert reply.author_email == "giulia@example.com"
    assert reply.author_url == ""
    assert reply.body == "Grazie, correggiamo."
    assert reply.language == "en"
    assert reply.ip_address is None


@pytest.mark.django_db
def test_replying_to_a_held_comment_approves_it_first(post, heard):
    parent = make_comment(post=post, status=Status.PENDING)
    result = services.reply_as_moderator(parent=parent, body="Risposta", moderator=make_editor())
    parent.refresh_from_db()
    assert parent.status == Status.APPROVED
    assert result.approved_parent and result.is_visible
    assert set(Comment.objects.visible().values_list("pk", flat=True)) == {
        parent.pk,
        result.reply.pk,
    }


@pytest.mark.django_db
def test_a_reply_under_a_spam_comment_is_not_reported_visible(post, heard):
    parent = make_comment(post=post, status=Status.SPAM)
    result = services.reply_as_moderator(parent=parent, body="Risposta", moderator=make_editor())
    assert result.reply.status == Status.APPROVED
    assert not result.is_visible
    assert not Comment.objects.visible().exists()


@pytest.mark.django_db
def test_a_moderator_reply_below_the_deepest_level_attaches_to_the_deepest_allowed_parent(
    post, settings
):
    settings.COMMENTS_MAX_DEPTH = 2  # two levels: top-level comments and their replies
    top = make_comment(post=post, status=Status.APPROVED)
    child = make_comment(post=post, parent=top, status=Status.APPROVED)
    reply = services.reply_as_moderator(
        parent=child, body="Risposta", moderator=make_editor()
    ).reply
    assert reply.parent == top
    assert reply.depth == 1


@pytest.mark.django_db
def test_a_moderator_reply_refuses_an_empty_body(post):
    parent = make_comment(post=post, status=Status.APPROVED)
    with pytest.raises(ValidationError):
        services.reply_as_moderator(parent=parent, body="   ", moderator=make_editor())
    assert Comment.objects.count() == 1
