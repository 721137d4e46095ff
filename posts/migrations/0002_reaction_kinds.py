from django.db import migrations

KINDS = [
    # code, emoji, Italian, English
    ("useful", "👍", "Utile", "Useful"),
    ("love", "❤️", "Mi piace", "Love it"),
    ("insightful", "💡", "Illuminante", "Insightful"),
    ("funny", "😄", "Divertente", "Funny"),
    ("surprised", "😮", "Sorprendente", "Surprising"),
    ("disagree", "🤔", "Non sono d'accordo", "I disagree"),
]


def create_kinds(apps, schema_editor):
    ReactionKind = apps.get_model("posts", "ReactionKind")
    for position, (code, emoji, label_it, label_en) in enumerate(KINDS, start=1):
        ReactionKind.objects.update_or_create(
            code=code,
            defaults={
                "emoji": emoji,
                "label_it": label_it,
                "label_en": label_en,
                "position": position,
                "active": True,
            },
        )


def remove_kinds(apps, schema_editor):
    apps.get_model("posts", "ReactionKind").objects.filter(code__in=[k[0] for k in KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("posts", "0001_initial")]

    operations = [migrations.RunPython(create_kinds, remove_kinds)]
