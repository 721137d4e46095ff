"""Background work of the spam filter: reporting moderators' decisions to Akismet."""

from django_tasks import task


@task()
def report_to_akismet(*, comment_id: int, label: str) -> bool:
    """Tell Akismet that a comment a moderator judged is spam or ham (submit-spam/-ham)."""
    from comments.models import Comment
    from comments.services import candidate_for

    from .akismet_backend import submit

    comment = Comment.objects.select_related("post").filter(pk=comment_id).first()
    if comment is None:
        return False  # purged before the worker got to it
    return submit(candidate=candidate_for(comment), is_spam=label == "spam")
