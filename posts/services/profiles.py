"""The public profile of an account: the name and biography readers see."""

from django.db import transaction


@transaction.atomic
def save_profile(
    *, user, display_name: str, bio: str | None = None, avatar=None, language: str | None = None
):
    """Create or update the profile readers see for user; bio, avatar and e-mail language
    ("" for the site's first) kept unless given."""
    from posts.models import Profile

    profile = Profile.objects.filter(user=user).first() or Profile(user=user)
    profile.display_name = display_name.strip()
    if bio is not None:
        profile.bio = bio
    if language is not None:
        profile.language = language
    if avatar is not None:
        profile.avatar = avatar
    profile.full_clean()
    profile.save()
    return profile
