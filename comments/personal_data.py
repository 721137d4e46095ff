"""What comments hold about a person, for export, erasure, the IP purge and the privacy page.

Erasure follows COMMENTS_ERASURE: "anonymize" keeps each comment's text under the name
"Anonymous", without e-mail, website, account, IP address, user agent or referrer, so the
thread stays readable; "delete" deletes the comments, except those others replied to,
whose text is replaced by a note (deleting them would delete the replies). Either way the
confirmed addresses (trust) and the unsubscriptions are deleted.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from blogsite.personal_data.registry import DataSource, Person
from comments.conf import comment_settings
from comments.models import Comment, ConfirmedEmail, Flag, Unsubscription
from comments.text import render_comment_body
from posts import cache
from posts.reactions.voters import give_new_anonymous_keys


def _any_address(field: str, emails) -> Q:
    condition = Q(pk__in=[])
    for email in emails:
        condition |= Q(**{f"{field}__iexact": email})
    return condition


def comments_of(person: Person):
    """Comments written with one of the person's addresses or from one of their accounts."""
    return Comment.objects.filter(
        _any_address("author_email", person.emails) | Q(user__in=person.account_ids)
    )


def export_comments(person: Person) -> dict:
    comments = comments_of(person).select_related("post").order_by("submitted_at", "pk")
    return {
        "comments": [
            {
                "id": comment.pk,
                "article": comment.post.title,
                "article_url": comment.post.get_absolute_url(),
                "submitted_at": comment.submitted_at,
                "status": comment.status,
                "name": comment.author_name,
                "email": comment.author_email,
                "website": comment.author_url,
                "comment": comment.body,
                "ip_address": comment.ip_address,
                "user_agent": comment.user_agent,
                "referrer": comment.referrer,
                "language": comment.language,
                "email_me_replies": comment.notify_replies,
            }
            for comment in comments
        ],
        "confirmed_email_addresses": [
            {"email": row.email, "confirmed_at": row.confirmed_at}
            for row in ConfirmedEmail.objects.filter(_any_address("email", person.emails))
        ],
        "unsubscribed_from": [
            {"email": row.email, "kind": row.kind, "since": row.created_at}
            for row in Unsubscription.objects.filter(_any_address("email", person.emails))
        ],
        "comments_reported": [
            {"comment": flag.comment_id, "reported_at": flag.created_at}
            for flag in flags_of(person).order_by("created_at", "pk")
        ],
    }


def flags_of(person: Person):
    """The reports of comments made from the person's accounts (the reader key the
    reactions use: "u:<account id>")."""
    return Flag.objects.filter(reader__in=[f"u:{pk}" for pk in person.account_ids])


def _anonymize(comments, *, note: str = "") -> int:
    """Strip who wrote `comments`; with a note, their text too. One update per language,
    each in its own words ("Anonymous", the note)."""
    changed = 0
    languages = set(comments.values_list("language", flat=True))
    for language in languages:
        with translation.override(language or settings.LANGUAGE_CODE):
            fields = {
                "author_name": gettext("Anonymous"),
                "author_email": "",
                "author_url": "",
                "user": None,
                "ip_address": None,
                "user_agent": "",
                "referrer": "",
                "notify_replies": False,
            }
            if note:
                text = gettext("This comment was deleted at its author's request.")
                fields.update(body=text, body_html=render_comment_body(text))
            changed += comments.filter(language=language).update(**fields)
    return changed


def erase_comments(person: Person) -> dict[str, int]:
    mine = comments_of(person)
    post_ids = set(mine.values_list("post_id", flat=True))
    ids = set(mine.values_list("pk", flat=True))
    anonymized = deleted = 0
    if comment_settings.ERASURE == "delete":
        answered = set(
            Comment.objects.filter(parent_id__in=ids)
            .exclude(pk__in=ids)
            .values_list("parent_id", flat=True)
        )
        # A comment of theirs with another of theirs below it that others answered stays
        # too (as a note): deleting it would delete that one.
        kept = set(answered)
        for _level in range(int(comment_settings.MAX_DEPTH)):
            parents = set(
                Comment.objects.filter(pk__in=kept, parent_id__in=ids).values_list(
                    "parent_id", flat=True
                )
            )
            if parents <= kept:
                break
            kept |= parents
        anonymized = _anonymize(Comment.objects.filter(pk__in=kept), note="deleted")
        deleted = Comment.objects.filter(pk__in=ids - kept).delete()[1].get(Comment._meta.label, 0)
    else:
        anonymized = _anonymize(Comment.objects.filter(pk__in=ids))
    for post_id in post_ids:
        cache.comments_changed(post_id=post_id)
    trust = ConfirmedEmail.objects.filter(_any_address("email", person.emails)).delete()[0]
    unsubscriptions = Unsubscription.objects.filter(_any_address("email", person.emails)).delete()[
        0
    ]
    return {
        "anonymized": anonymized,
        "deleted": deleted,
        "confirmed_addresses_deleted": trust,
        "unsubscriptions_deleted": unsubscriptions,
        # Anonymous like their votes: the count that sent a comment to the queue stays.
        "reports_anonymized": give_new_anonymous_keys(flags_of(person), "reader"),
    }


def comments_to_anonymize(before):
    """Comments submitted before `before` that still hold where they came from."""
    return Comment.objects.filter(submitted_at__lt=before).filter(
        Q(ip_address__isnull=False) | ~Q(user_agent="") | ~Q(referrer="")
    )


def forget_addresses(before) -> int:
    """Erase the IP address, user agent and referrer of comments submitted before `before`."""
    return comments_to_anonymize(before).update(ip_address=None, user_agent="", referrer="")


def purge_comments(*, now, ip_cutoff) -> dict[str, int]:
    # A report holds a keyed hash of the address it came from: once a moderator has
    # decided on the comment, it has done its work and goes with the addresses.
    reviewed = Flag.objects.filter(reviewed_at__isnull=False, created_at__lt=ip_cutoff)
    return {"ip_addresses": forget_addresses(ip_cutoff), "reports": reviewed.delete()[0]}


SOURCE = DataSource(
    name="comments",
    label=gettext_lazy("Comments, confirmed addresses and unsubscriptions"),
    export=export_comments,
    erase=erase_comments,
    purge=purge_comments,
    order=30,
)
