"""The site's roles: the Authors and Editors groups and the permissions each needs.

Authors write and publish their own articles (the admin limits them to their own rows) and
pick tags and categories; Editors edit every article and term and moderate comments. The
groups are kept up to date after every `migrate` (post_migrate), so a model added later
gets its permissions on the groups without a data migration, and a test database flushed
between tests gets them back. Only missing permissions are added; nothing is ever removed.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

AUTHORS = "Authors"
EDITORS = "Editors"

# (app label, codename). Permissions of apps that are not installed are skipped.
AUTHOR_PERMISSIONS = [
    ("posts", "add_post"),
    ("posts", "change_post"),
    ("posts", "view_post"),
    ("posts", "view_tag"),
    ("posts", "add_tag"),
    ("posts", "view_category"),
    ("posts", "view_media"),
    ("posts", "add_media"),
    ("posts", "change_media"),
]
EDITOR_PERMISSIONS = AUTHOR_PERMISSIONS + [
    ("posts", "delete_post"),
    ("posts", "change_tag"),
    ("posts", "delete_tag"),
    ("posts", "add_category"),
    ("posts", "change_category"),
    ("posts", "delete_category"),
    ("posts", "view_page"),
    ("posts", "add_page"),
    ("posts", "change_page"),
    ("posts", "delete_page"),
    ("wordpress", "add_importrun"),
    ("wordpress", "view_importrun"),
    ("wordpress", "view_importentry"),
    ("wordpress", "view_pagecomment"),
    ("posts", "delete_media"),
    ("posts", "view_profile"),
    ("posts", "change_profile"),
    ("reactions", "view_reaction"),
    ("reactions", "view_reactionkind"),
    ("reactions", "change_reactionkind"),
    ("comments", "view_comment"),
    ("comments", "change_comment"),
    ("comments", "delete_comment"),
    ("comments", "add_comment"),
    ("comments", "view_moderationterm"),
    ("comments", "add_moderationterm"),
    ("comments", "change_moderationterm"),
    ("comments", "delete_moderationterm"),
    ("subscriptions", "view_subscription"),
    ("subscriptions", "change_subscription"),
    ("subscriptions", "view_mailing"),
    ("subscriptions", "view_delivery"),
    ("blogsite", "view_personaldatarequest"),
    ("blogsite", "handle_personal_data"),
]
ROLES = {AUTHORS: AUTHOR_PERMISSIONS, EDITORS: EDITOR_PERMISSIONS}


def ensure_roles(using="default") -> None:
    """Create the groups when missing and give them every declared permission."""
    for name, wanted in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        match = Q(pk__in=[])
        for app_label, codename in wanted:
            match |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.add(*Permission.objects.using(using).filter(match))


def sync_roles(sender, using="default", **kwargs):
    """post_migrate receiver: after auth has created the permissions of every app."""
    ensure_roles(using=using)


def writers():
    """Active accounts that may write articles: superusers, Authors and Editors."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=[AUTHORS, EDITORS]))
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )
