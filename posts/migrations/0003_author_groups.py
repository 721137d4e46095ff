from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHORS = "Authors"
EDITORS = "Editors"

# Authors write and publish their own articles (the admin limits them to their own rows)
# and pick tags; editors edit every article and tag and moderate comments.
AUTHOR_PERMISSIONS = [
    ("posts", "add_post"),
    ("posts", "change_post"),
    ("posts", "view_post"),
    ("posts", "view_tag"),
    ("posts", "add_tag"),
]
EDITOR_PERMISSIONS = AUTHOR_PERMISSIONS + [
    ("posts", "delete_post"),
    ("posts", "change_tag"),
    ("posts", "delete_tag"),
    ("posts", "view_reaction"),
    ("posts", "view_reactionkind"),
    ("posts", "change_reactionkind"),
    ("comments", "view_comment"),
    ("comments", "change_comment"),
    ("comments", "delete_comment"),
    ("comments", "add_comment"),
    ("comments", "view_moderationterm"),
    ("comments", "add_moderationterm"),
    ("comments", "change_moderationterm"),
    ("comments", "delete_moderationterm"),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to attach them.
    for app_label in ("posts", "comments"):
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ((AUTHORS, AUTHOR_PERMISSIONS), (EDITORS, EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[AUTHORS, EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0002_reaction_kinds"),
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
