"""Background work of the spam filter: reporting moderators' decisions to Akismet."""

from django_tasks import task

from .types import Candidate


def candidate_for(comment) -> Candidate:
    """Return what Akismet is told about a stored comment."""
    from django.conf import settings

    post = comment.post
    permalink = ""
    if hasattr(post, "get_absolute_url"):
        permalink = settings.SITE_URL.rstrip("/") + post.get_absolute_url()
    return Candidate(
        content=comment.body,
        author=comment.author_name,
        email=comment.author_email,
        url=comment.author_url,
        ip_address=comment.ip_address,
        user_agent=comment.user_agent,
        referrer=comment.referrer,
        permalink=permalink,
        post_id=comment.post_id,
        language=comment.language,
        submitted_at=comment.submitted_at,
        post_modified_at=getattr(post, "updated_at", None),
    )


@task()
def report_to_akismet(*, comment_id: int, label: str) -> bool:
    """Tell Akismet that a comment a moderator judged is spam or ham (submit-spam/-ham)."""
    from comments.models import Comment

    from .akismet_backend import submit

    comment = Comment.objects.select_related("post").filter(pk=comment_id).first()
    if comment is None:
        return False  # purged before the worker got to it
    return submit(candidate=candidate_for(comment), is_spam=label == "spam")
