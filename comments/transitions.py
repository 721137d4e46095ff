"""Every status move a comment can make, in one table: its button label and key in the
queue, and what it teaches the spam filter.

The services (comments.services.moderate and moderate_many), the admin's bulk actions and
the queue's row buttons all read this table, so a move allowed, labelled or taught in one
place is so everywhere.

What a move teaches: approving is ham and marking spam is spam; taking a comment out of spam
("not spam") back to the queue is ham too. Trashing teaches nothing, whatever the comment was
marked before: trash is not a judgment on spamminess (off-topic, rude, or spam cleared away).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from comments.models import Comment

Status = Comment.Status


@dataclass(frozen=True)
class Transition:
    """A move from one status to another, as a queue row offers it."""

    source: str
    target: str
    label: str  # the row's button
    key: str  # its keyboard shortcut in the queue
    teaches: str | None  # "ham", "spam" or None: what the spam filter learns from it


# By source; per source, in the order of a row's buttons: approve, back to the queue, spam,
# trash.
TRANSITIONS = (
    Transition(Status.PENDING, Status.APPROVED, _("Approve"), "a", "ham"),
    Transition(Status.PENDING, Status.SPAM, _("Spam"), "s", "spam"),
    Transition(Status.PENDING, Status.TRASH, _("Trash"), "t", None),
    Transition(Status.APPROVED, Status.PENDING, _("Unapprove"), "u", None),
    Transition(Status.APPROVED, Status.SPAM, _("Spam"), "s", "spam"),
    Transition(Status.APPROVED, Status.TRASH, _("Trash"), "t", None),
    Transition(Status.SPAM, Status.APPROVED, _("Not spam: approve"), "a", "ham"),
    Transition(Status.SPAM, Status.PENDING, _("Not spam"), "u", "ham"),
    Transition(Status.SPAM, Status.TRASH, _("Trash"), "t", None),
    Transition(Status.TRASH, Status.APPROVED, _("Approve"), "a", "ham"),
    Transition(Status.TRASH, Status.PENDING, _("Restore"), "u", None),
    Transition(Status.TRASH, Status.SPAM, _("Spam"), "s", "spam"),
)
_BY_MOVE = {(move.source, move.target): move for move in TRANSITIONS}


def find(source: str, target: str) -> Transition | None:
    """The move from `source` to `target`, or None when there is none (the same status)."""
    return _BY_MOVE.get((source, target))


def moves_from(status: str) -> list[Transition]:
    """The moves a comment in `status` can make, in the order its row shows them."""
    return [move for move in TRANSITIONS if move.source == status]


def training_label(*, old_status: str, new_status: str) -> str | None:
    """What a moderator's move teaches the spam filter: "spam", "ham" or nothing."""
    move = find(old_status, new_status)
    return move.teaches if move else None


@dataclass(frozen=True)
class BulkAction:
    """A move applied to a selection: to `target`, from `sources` only (None: from any
    status that has a move to `target`)."""

    name: str
    target: str
    sources: frozenset | None
    description: str

    def applies_to(self, status: str) -> bool:
        if self.sources is not None and status not in self.sources:
            return False
        return find(status, self.target) is not None


BULK_ACTIONS = (
    BulkAction("approve", Status.APPROVED, None, _("Approve selected comments")),
    BulkAction("mark_spam", Status.SPAM, None, _("Mark selected comments as spam")),
    BulkAction(
        "mark_not_spam",
        Status.PENDING,
        frozenset({Status.SPAM}),
        _("Not spam: send back to moderation"),
    ),
    BulkAction(
        "mark_not_spam_and_approve",
        Status.APPROVED,
        frozenset({Status.SPAM}),
        _("Not spam: approve at once"),
    ),
    BulkAction("move_to_trash", Status.TRASH, None, _("Move selected comments to trash")),
    BulkAction(
        "restore",
        Status.PENDING,
        frozenset({Status.TRASH}),
        _("Restore from trash to moderation"),
    ),
)
