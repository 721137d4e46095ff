"""Revisions of an article: kept on each save, an autosave per editor, restored on demand."""

from django.db import transaction

from posts.models import Post


@transaction.atomic
def record_revision(*, post: Post, editor=None):
    """Keep what post says now as a revision; the editor's autosave is no longer needed."""
    from posts.models import Revision

    Revision.objects.filter(post=post, editor=editor, kind=Revision.Kind.AUTOSAVE).delete()
    return Revision.objects.create(
        post=post, title=post.title, lead=post.lead, body=post.body, editor=editor
    )


@transaction.atomic
def autosave_body(*, post: Post, editor, title: str, lead: str, body: str):
    """Overwrite editor's autosave slot of post with what they are typing (post unchanged)."""
    from posts.models import Revision

    revision, _created = Revision.objects.update_or_create(
        post=post,
        editor=editor,
        kind=Revision.Kind.AUTOSAVE,
        defaults={"title": title[:200], "lead": lead, "body": body},
    )
    return revision


@transaction.atomic
def restore_revision(*, revision, editor=None) -> Post:
    """Put a revision's title, lead and body back on its article, as a new revision."""
    post = revision.post
    post.title, post.lead, post.body = revision.title, revision.lead, revision.body
    post.save()
    record_revision(post=post, editor=editor)
    return post
