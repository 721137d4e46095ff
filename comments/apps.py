from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from comments import signals, tasks, terms
        from comments.models import Comment, ModerationTerm
        from posts import listing

        listing.register_count("comment_count", lambda: Comment.objects.visible())

        signals.comment_submitted.connect(
            tasks.on_comment_submitted, dispatch_uid="comments.notify_submitted"
        )
        signals.comment_moderated.connect(
            tasks.on_comment_moderated, dispatch_uid="comments.notify_moderated"
        )
        for signal in (post_save, post_delete):
            signal.connect(
                terms.forget_terms, sender=ModerationTerm, dispatch_uid=f"comments-terms-{signal}"
            )
