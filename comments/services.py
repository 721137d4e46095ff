"""Writes to comments. Views, admin actions and management commands all call these."""

from email.utils import parseaddr

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from comments.models import Comment, Unsubscription
from comments.signals import comment_moderated
from comments.spam import pipeline as spam


@transaction.atomic
def moderate(*, comment: Comment, status: str, moderator=None) -> Comment:
    """Move a comment to a status, teach the spam filter, and announce the change."""
    old_status = comment.status
    if old_status == status:
        return comment
    comment.status = status
    comment.full_clean()
    comment.save(update_fields=["status", "updated_at"])
    label = {Comment.Status.APPROVED: "ham", Comment.Status.SPAM: "spam"}.get(status)
    if label is None and old_status == Comment.Status.SPAM:
        label = "ham"  # "not spam"
    if label:
        spam.learn(
            content=comment.body,
            author=comment.author_name,
            email=comment.author_email,
            url=comment.author_url,
            label=label,
        )
    transaction.on_commit(
        lambda: comment_moderated.send(
            sender=Comment, comment=comment, old_status=old_status, moderator=moderator
        )
    )
    return comment


# --- Moderation side: replies from the site and unsubscribing (owned by the moderation work).

# Deeper replies attach to the deepest allowed parent (the reader side reads the same setting).
_DEFAULT_MAX_DEPTH = 3


def _thread_parent(parent: Comment) -> Comment:
    """Return the comment a reply to `parent` attaches to, respecting the maximum depth."""
    max_depth = getattr(settings, "COMMENTS_MAX_DEPTH", _DEFAULT_MAX_DEPTH)
    while parent.parent_id is not None and parent.depth + 1 > max_depth:
        parent = parent.parent
    return parent


@transaction.atomic
def reply_as_site(*, parent: Comment, body: str, moderator) -> Comment:
    """Publish a reply to `parent` written by a moderator in the site's name.

    The reply is saved held and then approved through moderate(), so it is announced like any
    other approved comment (the article's author and the subscriber to `parent` are told).
    """
    parent = _thread_parent(parent)
    site_name = Site.objects.get_current().name
    reply = Comment(
        post=parent.post,
        parent=parent,
        root_id=parent.root_id or parent.pk,
        depth=parent.depth + 1,
        user=moderator,
        author_name=site_name,
        author_email=parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        author_url=settings.SITE_URL,
        body=body.strip(),
        status=Comment.Status.PENDING,
        submitted_at=timezone.now(),
        language=parent.language or get_language() or settings.LANGUAGE_CODE,
        spam_verdict=Comment.Verdict.HAM,
        spam_score=0.0,
    )
    reply.full_clean()
    reply.save()
    return moderate(comment=reply, status=Comment.Status.APPROVED, moderator=moderator)


@transaction.atomic
def unsubscribe(*, email: str, kind: str) -> Unsubscription:
    """Stop e-mails of one kind to an address (until the person opts in again)."""
    unsubscription, _created = Unsubscription.objects.update_or_create(
        email=Unsubscription.normalize_email(email),
        kind=kind,
        defaults={"created_at": timezone.now()},
    )
    return unsubscription
