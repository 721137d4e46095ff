"""The votes tied to a person's account, for export and erasure.

Anonymous votes carry only the hash of a random cookie: nothing links them to a person.
Erasure turns the account's votes into such anonymous votes (a new random key each), so
the articles' counts, which other readers saw, stay what they were.
"""

from django.utils.translation import gettext_lazy as _

from blogsite.personal_data.registry import DataSource, Person
from posts.reactions.models import Reaction
from posts.reactions.voters import give_new_anonymous_keys


def export_votes(person: Person) -> list[dict]:
    votes = (
        Reaction.objects.filter(user__in=person.account_ids)
        .select_related("post", "kind")
        .order_by("created_at", "pk")
    )
    return [
        {
            "article": vote.post.title,
            "article_url": vote.post.get_absolute_url(),
            "reaction": vote.kind.code,
            "voted_at": vote.created_at,
            "changed_at": vote.updated_at,
        }
        for vote in votes
    ]


def erase_votes(person: Person) -> dict[str, int]:
    votes = Reaction.objects.filter(user__in=person.account_ids)
    return {"anonymized": give_new_anonymous_keys(votes, "voter", user=None)}


SOURCE = DataSource(
    name="votes",
    label=_("Reactions to articles"),
    export=export_votes,
    erase=erase_votes,
    order=20,
)
