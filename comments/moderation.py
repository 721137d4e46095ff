"""The moderation policy: which status a new (or edited) comment gets, and why.

Rules, in order, as WordPress applies them:
1. a blocked word, e-mail, IP address, domain or account (ModerationTerm, list "blocked")
   -> trash;
2. more than COMMENTS_MAX_LINKS links, or a moderated term -> held;
3. the "hold all comments" switch (COMMENTS_HOLD_ALL) -> held;
4. a trusted commenter -> approved;
5. everyone else -> held.

Trust is never inferred from a typed name and e-mail (anyone can copy those). It comes from
evidence the commenter cannot forge; see TrustEvidence.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from comments import wording
from comments.conf import comment_settings
from comments.models import Comment, ConfirmedEmail, ModerationTerm
from comments.terms import Text, all_terms, matching_terms, too_many_links
from comments.transitions import training_label  # noqa: F401 - the spam app imports it here


@dataclass(frozen=True)
class TrustEvidence:
    """What the request proves about the commenter.

    user: the signed-in account, if any.
    own_comment_ids: ids from the signed cookie this browser received when it commented.
    confirmed_emails: addresses from the signed cookie a confirmation link left in this browser.
    """

    user: object = None
    own_comment_ids: tuple[int, ...] = ()
    confirmed_emails: tuple[str, ...] = ()


@dataclass
class Decision:
    status: str
    reasons: list[dict] = field(default_factory=list)


def reason(check, says, score=0.0, **params):
    """A moderation reason; `says` names its message in comments.wording."""
    return wording.reason(f"moderation.{check}", score, says, **params)


def is_trusted(*, email: str, evidence: TrustEvidence) -> str | None:
    """Return which evidence makes the commenter trusted, or None."""
    user = evidence.user
    if (
        user is not None
        and user.is_authenticated
        and Comment.objects.filter(user=user, status=Comment.Status.APPROVED).exists()
    ):
        return "account"
    if evidence.own_comment_ids and (
        Comment.objects.filter(
            pk__in=list(evidence.own_comment_ids), status=Comment.Status.APPROVED
        ).exists()
    ):
        return "browser"
    address = (email or "").strip().lower()
    confirmed = {value.lower() for value in evidence.confirmed_emails}
    if address and address in confirmed and ConfirmedEmail.objects.for_address(address).exists():
        return "confirmed-email"
    return None


def comments_are_open(post, *, now=None) -> bool:
    """Comments are open unless switched off for the article or older than the close age."""
    if not post.comments_open:
        return False
    days = post.comments_close_after_days
    if days is None:
        days = comment_settings.CLOSE_AFTER_DAYS
    if days is None or post.published_at is None:
        return True
    return (now or timezone.now()) < post.published_at + timedelta(days=int(days))


class CommentModerator:
    """Decide the status of a comment from the site's rules; read-only."""

    def __init__(self, terms=None):
        self.terms = all_terms() if terms is None else list(terms)

    def decide(self, comment: Comment, *, trusted_by: str | None) -> Decision:
        blocked = self.matches(comment, ModerationTerm.List.BLOCKED)
        if blocked:
            return Decision(
                Comment.Status.TRASH,
                [reason("blocked", "blocked_term", 1.0, term=t) for t in blocked],
            )
        reasons = []
        links = too_many_links(comment.body)
        if links is not None:
            reasons.append(
                reason(
                    "too-many-links",
                    "too_many_links",
                    count=links,
                    limit=int(comment_settings.MAX_LINKS),
                )
            )
        for term in self.matches(comment, ModerationTerm.List.MODERATED):
            reasons.append(reason("moderated", "moderated_term", term=term))
        if reasons:
            return Decision(Comment.Status.PENDING, reasons)
        if comment_settings.HOLD_ALL:
            return Decision(Comment.Status.PENDING, [reason("hold-all", "hold_all")])
        if trusted_by:
            return Decision(
                Comment.Status.APPROVED,
                [reason("trusted", "trusted", how=trusted_by)],
            )
        return Decision(
            Comment.Status.PENDING,
            [reason("first-time", "first_time")],
        )

    def matches(self, comment: Comment, list_name: str) -> list[str]:
        """The values of the terms of one list that the comment contains."""
        text = Text(
            body=comment.body,
            author=comment.author_name,
            url=comment.author_url,
            email=comment.author_email,
            ip_address=comment.ip_address,
            account=comment.user.get_username() if comment.user_id else "",
        )
        return [term.value for term in matching_terms(text, list_name, terms=self.terms)]
