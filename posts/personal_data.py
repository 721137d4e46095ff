"""What the posts app holds about a person: the profile readers see, and authorship.

An account that wrote articles or pages is not erased through a data request: its work
would go with it. An editor first gives the articles to another author.
"""

from django.utils.translation import gettext_lazy, ngettext

from blogsite.personal_data.registry import DataSource, Person
from posts.models import Page, Post, Profile


def export_profile(person: Person) -> list[dict]:
    return [
        {
            "display_name": profile.display_name,
            "bio": profile.bio,
            "photo": profile.avatar.url if profile.avatar else None,
            "email_language": profile.language,
        }
        for profile in Profile.objects.filter(user__in=person.account_ids).order_by("pk")
    ]


def refuse_authors(person: Person) -> str:
    written = (
        Post.objects.filter(author__in=person.account_ids).count()
        + Page.objects.filter(author__in=person.account_ids).count()
    )
    if not written:
        return ""
    return ngettext(
        "This account wrote %(count)d article or page: an editor must first give it to "
        "another author.",
        "This account wrote %(count)d articles or pages: an editor must first give them "
        "to another author.",
        written,
    ) % {"count": written}


def erase_profile(person: Person) -> dict[str, int]:
    """Delete the profiles and their photos (the account's deletion would leave the file)."""
    deleted = 0
    for profile in Profile.objects.filter(user__in=person.account_ids):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
        deleted += 1
    return {"deleted": deleted}


SOURCE = DataSource(
    name="profile",
    label=gettext_lazy("Your profile (the name readers see)"),
    export=export_profile,
    erase=erase_profile,
    check=refuse_authors,
    order=90,
)
