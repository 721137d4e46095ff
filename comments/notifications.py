"""E-mails about comments: who gets them, what they say, and how to stop them.

The receivers of the comment signals (in comments.receivers) only enqueue tasks; the tasks call
the `notify_*` functions below, which pick the recipients, drop those who unsubscribed, and send
one plain-text + HTML message each, in the recipient's language with a signed one-click
unsubscribe link (RFC 8058 headers included).

The recipient's language: for an account (moderators, the article's author) the e-mail
language of its profile (posts.models.profile.mail_language); for a commenter, the language
of the page the comment was written on. A message is rendered once per language and each
recipient's own unsubscribe token is put into that rendering.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import signing
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from blogsite.mail import absolute_url, list_message
from comments import wording
from comments.models import Comment, Unsubscription
from posts.models.profile import language_chosen_by, mail_language, with_chosen_language

UNSUBSCRIBE_SALT = "comments.unsubscribe"
# Stands for a recipient's token in a rendered message (safe in a URL and in HTML as is).
TOKEN_PLACEHOLDER = "unsubscribe-token-placeholder"

Kind = Unsubscription.Kind


# --- Unsubscribe tokens ------------------------------------------------------------------


def make_unsubscribe_token(*, kind: str, user=None, comment: Comment | None = None) -> str:
    """Sign a kind of e-mail and who receives it: an account, or the author of a comment.

    Only ids go into the token, never the address, so links in logs reveal nobody's e-mail.
    The token does not expire: RFC 8058 links must keep working in old messages.
    """
    reference = ["u", user.pk] if user is not None else ["c", comment.pk]
    return signing.dumps([kind, *reference], salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[str, str] | None:
    """Return (email, kind) for a token, or None when it was tampered with or is stale."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not (isinstance(payload, list) and len(payload) == 3):
        return None
    kind, ref, pk = payload
    if kind not in Kind.values or not isinstance(pk, int):
        return None
    if ref == "u":
        emails = get_user_model().objects.filter(pk=pk).values_list("email", flat=True)
    elif ref == "c":
        emails = Comment.objects.filter(pk=pk).values_list("author_email", flat=True)
    else:
        return None
    email = emails.first()
    return (email, kind) if email else None


def unsubscribe_url(*, kind: str, language: str, user=None, comment=None) -> str:
    token = make_unsubscribe_token(kind=kind, user=user, comment=comment)
    return _unsubscribe_url(token, language)


def _unsubscribe_url(token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("comments:unsubscribe", kwargs={"token": token})
    return absolute_url(path)


# --- Recipients --------------------------------------------------------------------------


def is_unsubscribed(*, email: str, kind: str, since=None) -> bool:
    """Tell whether `email` stopped `kind` e-mails (after `since`, when given)."""
    unsubscriptions = Unsubscription.objects.filter(
        email=Unsubscription.normalize_email(email), kind=kind
    )
    if since is not None:
        unsubscriptions = unsubscriptions.filter(created_at__gte=since)
    return unsubscriptions.exists()


def unsubscribed_among(emails, *, kind: str) -> set[str]:
    """The normalized addresses among `emails` that stopped `kind` e-mails, in one query."""
    normalized = {Unsubscription.normalize_email(email) for email in emails}
    return set(
        Unsubscription.objects.filter(email__in=normalized, kind=kind).values_list(
            "email", flat=True
        )
    )


def moderators():
    """Active accounts with an e-mail allowed to moderate comments (staff or Editors), each
    with the `chosen_language` of its profile."""
    permission = Permission.objects.get(
        content_type__app_label="comments", codename="change_comment"
    )
    accounts = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True, is_staff=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        )
        .distinct()
        .order_by("pk")
    )
    return with_chosen_language(accounts)


def _language(value: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    value = (value or "").split("-")[0].lower()
    return value if value in codes else settings.LANGUAGE_CODE


# --- Sending -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One e-mail rendered in one language, for any number of its recipients."""

    kind: str
    language: str
    subject: str
    text: str
    html: str

    def send_to(self, *, user=None, comment=None) -> None:
        """Send it to an account (`user`) or a commenter (`comment`'s author), with their
        own unsubscribe link."""
        to = user.email if user is not None else comment.author_email
        token = make_unsubscribe_token(kind=self.kind, user=user, comment=comment)
        list_message(
            subject=self.subject,
            text=self.text.replace(TOKEN_PLACEHOLDER, token),
            html=self.html.replace(TOKEN_PLACEHOLDER, token),
            to=to,
            language=self.language,
            unsubscribe_url=_unsubscribe_url(token, self.language),
        ).send()


def render(*, template: str, kind: str, language: str, context: dict) -> Message:
    """Render templates/comments/email/<template>_{subject.txt,body.txt,body.html} in
    `language` (one of the site's; another is read as the site's first)."""
    language = _language(language)
    context = {
        **context,
        "unsubscribe_url": _unsubscribe_url(TOKEN_PLACEHOLDER, language),
        "kind_label": None,
    }
    with translation.override(language):
        context["kind_label"] = str(Kind(kind).label)
        subject = render_to_string(f"comments/email/{template}_subject.txt", context)
        text = render_to_string(f"comments/email/{template}_body.txt", context)
        html = render_to_string(f"comments/email/{template}_body.html", context)
    return Message(kind=kind, language=language, subject=subject, text=text, html=html)


def send(
    *, template: str, kind: str, language: str, context: dict, user=None, comment=None
) -> None:
    """E-mail an account (`user`) or a commenter (`comment`'s author) in `language`."""
    message = render(template=template, kind=kind, language=language, context=context)
    message.send_to(user=user, comment=comment)


def _comment_context(comment: Comment) -> dict:
    post = comment.post
    return {
        "comment": comment,
        "post": post,
        "post_url": absolute_url(post.get_absolute_url()),
        # The permalink finds the comment's page or thread when the link is followed (an
        # e-mail is read later, and a reply may be beyond its thread's cap).
        "comment_url": absolute_url(reverse("comments:permalink", args=[comment.pk])),
    }


def notify_moderators(comment: Comment) -> int:
    """Tell the moderators a comment is held; return how many were told."""
    if comment.status != Comment.Status.PENDING:
        return 0
    context = {
        **_comment_context(comment),
        "change_url": absolute_url(reverse("admin:comments_comment_change", args=[comment.pk])),
        "queue_url": absolute_url(
            reverse("admin:comments_comment_changelist") + "?status=pending"
        ),
        # Said in the e-mail's language when it is rendered, not in the request's.
        "reasons": [wording.text_of_lazy(reason) for reason in comment.spam_reasons or []],
    }
    recipients = list(moderators())
    stopped = unsubscribed_among([user.email for user in recipients], kind=Kind.MODERATION)
    by_language: dict[str, list] = {}
    for user in recipients:
        if Unsubscription.normalize_email(user.email) not in stopped:
            by_language.setdefault(mail_language(user.chosen_language), []).append(user)
    for language, users in by_language.items():
        message = render(
            template="moderation_held", kind=Kind.MODERATION, language=language, context=context
        )
        for user in users:
            message.send_to(user=user)
    return sum(len(users) for users in by_language.values())


def notify_post_author(comment: Comment) -> int:
    """Tell the article's author about a newly approved comment (not their own)."""
    if comment.status != Comment.Status.APPROVED:
        return 0
    author = comment.post.author
    if not author.email or not author.is_active:
        return 0
    wrote_it = comment.user_id == author.pk or (
        Unsubscription.normalize_email(comment.author_email)
        == Unsubscription.normalize_email(author.email)
    )
    if wrote_it or is_unsubscribed(email=author.email, kind=Kind.NEW_COMMENT):
        return 0
    send(
        template="new_comment",
        user=author,
        kind=Kind.NEW_COMMENT,
        language=mail_language(language_chosen_by(author)),
        context=_comment_context(comment),
    )
    return 1


def notify_reply_subscriber(comment: Comment) -> int:
    """Tell the author of the parent comment, if subscribed, about an approved reply."""
    parent = comment.parent
    if comment.status != Comment.Status.APPROVED or parent is None or not parent.notify_replies:
        return 0
    email = parent.author_email
    same_account = parent.user_id is not None and parent.user_id == comment.user_id
    if same_account or Unsubscription.normalize_email(email) == Unsubscription.normalize_email(
        comment.author_email
    ):
        return 0
    if is_unsubscribed(email=email, kind=Kind.REPLIES, since=parent.submitted_at):
        return 0
    send(
        template="reply",
        comment=parent,
        kind=Kind.REPLIES,
        language=parent.language,
        context={**_comment_context(comment), "parent": parent},
    )
    return 1
