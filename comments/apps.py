from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from comments import signals, tasks
        from comments.models import Comment
        from posts import listing

        listing.register_count("comment_count", lambda: Comment.objects.visible())

        from comments.wordpress import import_comments
        from posts.wordpress import hooks

        hooks.register_item_handler(import_comments)

        signals.comment_submitted.connect(
            tasks.on_comment_submitted, dispatch_uid="comments.notify_submitted"
        )
        signals.comment_moderated.connect(
            tasks.on_comment_moderated, dispatch_uid="comments.notify_moderated"
        )
