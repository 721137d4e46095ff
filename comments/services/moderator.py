"""What moderators do to comments: move them between statuses, reply, correct them."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from comments.models import Comment, Flag
from comments.signals import comment_moderated
from comments.spam import pipeline as spam
from comments.transitions import find as find_move
from posts.models import display_name

from .writes import create_comment


@transaction.atomic
def moderate(*, comment: Comment, status: str, moderator=None) -> Comment:
    """Move a comment to a status, teach the spam filter, and announce the change."""
    moderate_many(comments=[comment], status=status, moderator=moderator)
    return comment


@transaction.atomic
def moderate_many(*, comments, status: str, moderator=None) -> list[Comment]:
    """Move comments to a status, teach the spam filter all of them in one update of the
    classifier, and announce each change. Return the comments that changed.

    Only the moves of comments.transitions are made (a comment already in `status` has none).
    A moderator's move reviews the readers' flags on the comment.
    """
    # An unknown status is refused with the model field's own message.
    Comment._meta.get_field("status").clean(status, None)
    changed = []
    examples = []
    for comment in comments:
        old_status = comment.status
        move = find_move(old_status, status)
        if move is None:
            continue
        comment.status = status
        comment.full_clean()
        comment.save(update_fields=["status", "updated_at"])
        if move.teaches:
            examples.append((comment.body, comment.author_url, move.teaches))
        changed.append((comment, old_status))
    if examples:
        spam.learn_many(examples)
    if moderator is not None and changed:
        # A moderator's decision answers the readers' flags so far: new flags count afresh.
        Flag.objects.unreviewed().filter(comment__in=[c.pk for c, _old in changed]).update(
            reviewed_at=timezone.now()
        )
    for comment, old_status in changed:
        transaction.on_commit(
            lambda comment=comment, old_status=old_status: comment_moderated.send(
                sender=Comment, comment=comment, old_status=old_status, moderator=moderator
            )
        )
    return [comment for comment, _old in changed]


@dataclass
class ModeratorReply:
    """What reply_as_moderator did: the reply, whether it approved the parent on the way
    ("Approve and Reply"), and whether readers can see the reply now."""

    reply: Comment
    approved_parent: bool
    is_visible: bool


@transaction.atomic
def reply_as_moderator(*, parent: Comment, body: str, moderator) -> ModeratorReply:
    """Publish a reply to `parent` written by a moderator, as themselves.

    The reply carries the moderator's account, display name and e-mail, so the thread shows
    the "Author" badge when they wrote the article and a staff mark otherwise. A reply to a
    held comment approves that comment first, as WordPress's "Approve and Reply" does: a
    published reply under an invisible parent would be counted and never shown.
    """
    approved_parent = False
    if parent.status == Comment.Status.PENDING:
        moderate(comment=parent, status=Comment.Status.APPROVED, moderator=moderator)
        approved_parent = True
    reply = create_comment(
        post=parent.post,
        parent=parent,
        user=moderator,
        author_name=display_name(moderator)[:80],
        author_email=moderator.email,
        body=body,
        status=Comment.Status.PENDING,
        language=parent.language or get_language() or settings.LANGUAGE_CODE,
        spam_verdict=Comment.Verdict.HAM,
        spam_score=0.0,
    )
    # Saved held, then approved through moderate(): announced like any approved comment.
    moderate(comment=reply, status=Comment.Status.APPROVED, moderator=moderator)
    is_visible = Comment.objects.visible().filter(pk=reply.pk).exists()
    return ModeratorReply(reply=reply, approved_parent=approved_parent, is_visible=is_visible)


@transaction.atomic
def edit_as_moderator(
    *, comment: Comment, body: str, author_name: str, author_url: str, moderator=None
) -> Comment:
    """Correct a comment's text, author name or website (the moderator's edit, no spam check)."""
    comment.body = (body or "").strip()
    comment.author_name = (author_name or "").strip()
    comment.author_url = (author_url or "").strip()
    comment.full_clean(exclude=["post", "parent", "root", "user"], validate_unique=False)
    comment.save(update_fields=["body", "author_name", "author_url", "updated_at"])
    return comment
