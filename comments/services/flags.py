"""Readers flag a published comment: one flag per reader and comment; enough of them, from
as many different addresses, send the comment back to the queue with the reason."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac

from comments.conf import comment_settings
from comments.models import Comment, Flag
from comments.moderation import reason

from .moderator import moderate

FLAGGED = "moderation.flagged"


@dataclass
class Flagging:
    """What flag_comment did: whether this reader's flag is new, and whether the comment
    went back to the queue because of it."""

    flag: Flag
    created: bool
    held: bool


def source_of(ip_address: str | None, reader: str) -> str:
    """A keyed hash of the address (of the reader, when there is no address)."""
    return salted_hmac("comments.flag-source", ip_address or reader).hexdigest()


@transaction.atomic
def flag_comment(*, comment: Comment, reader: str, ip_address: str | None = None) -> Flagging:
    """Record `reader`'s flag on an approved comment (a second one changes nothing); at
    COMMENTS_FLAGS_TO_HOLD unreviewed flags from as many sources, hold the comment."""
    # Flags of one comment are counted one at a time.
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                comment=comment, reader=reader, source=source_of(ip_address, reader)
            )
    except IntegrityError:
        return Flagging(Flag.objects.get(comment=comment, reader=reader), False, False)
    sources = comment.flags.unreviewed().source_count()
    if comment.status != Comment.Status.APPROVED or sources < int(comment_settings.FLAGS_TO_HOLD):
        return Flagging(flag, True, False)
    kept = [
        r for r in comment.spam_reasons if not (isinstance(r, dict) and r.get("check") == FLAGGED)
    ]
    comment.spam_reasons = [*kept, reason("flagged", "flagged", count=sources)]
    comment.save(update_fields=["spam_reasons", "updated_at"])
    # Not a moderator's decision: the flags stay to be reviewed, and nothing is learned.
    moderate(comment=comment, status=Comment.Status.PENDING)
    return Flagging(flag, True, True)
