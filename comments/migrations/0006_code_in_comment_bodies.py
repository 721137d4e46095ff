from django.db import migrations
from django.db.models import Q


def render_code(apps, schema_editor):
    """Bodies written with `code` or ``` blocks, stored before comments showed them as code,
    rendered again (comments.text.render_comment_body); no other body changes."""
    from comments.text import render_comment_body

    Comment = apps.get_model("comments", "Comment")
    written = Comment.objects.filter(Q(body__contains="`") | Q(body__contains="~~~"))
    for comment in written.only("pk", "body").iterator(chunk_size=500):
        Comment.objects.filter(pk=comment.pk).update(body_html=render_comment_body(comment.body))


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0005_moderation_in_place"),
    ]

    operations = [migrations.RunPython(render_code, migrations.RunPython.noop, elidable=True)]
