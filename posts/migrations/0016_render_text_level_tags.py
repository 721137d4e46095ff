import re
from functools import reduce
from operator import or_

from django.db import migrations
from django.db.models import Q

# The tags posts.markup.ALLOWED_TAGS gained (b, i, u, q, cite, kbd, small, table captions...).
NEW_TAGS = ("b", "i", "u", "q", "cite", "dfn", "kbd", "samp", "small", "var", "caption", "tfoot")


def render_again(apps, schema_editor):
    """Bodies holding one of those tags, stored when the sanitizer dropped it, and bodies
    rendered with a <pre> (which now gets a tab stop), rendered again; every other body is
    left as it is (rendering it again would give the same)."""
    from posts.markup import render_body

    pattern = re.compile(rf"<(?:{'|'.join(NEW_TAGS)})\b", re.IGNORECASE)
    # A plain "contains" each database runs alike (a regex's word boundary is not "\b" in
    # PostgreSQL); "<b" also finds "<br>", which the pattern then leaves out.
    maybe = reduce(or_, (Q(body__icontains=f"<{tag}") for tag in NEW_TAGS))
    maybe |= Q(body_html__contains="<pre>")
    for model in ("Post", "Page"):
        Model = apps.get_model("posts", model)
        rows = Model.objects.filter(maybe)
        fields = ("pk", "body", "body_format", "body_html")
        for row in rows.only(*fields).iterator(chunk_size=200):
            if pattern.search(row.body) or "<pre>" in row.body_html:
                html = render_body(row.body, row.body_format)
                Model.objects.filter(pk=row.pk).update(body_html=html)


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0015_password_protected"),
    ]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop, elidable=True)]
