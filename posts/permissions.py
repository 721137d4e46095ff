"""Who works on which articles, in one place for the admin and the preview view."""

EDITORS_GROUP = "Editors"
AUTHORS_GROUP = "Authors"


def is_editor(user) -> bool:
    """Superusers and members of the Editors group work on every article."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: the admin asks several times per request.
    if not hasattr(user, "_posts_is_editor"):
        user._posts_is_editor = user.groups.filter(name=EDITORS_GROUP).exists()
    return user._posts_is_editor
