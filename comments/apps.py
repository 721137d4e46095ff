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

        from posts import cache

        def forget_pages(sender, instance, created=False, **kwargs):
            if created and instance.status != Comment.Status.APPROVED:
                return  # a new held or spam comment: no one else's page shows it
            cache.comments_changed(post_id=instance.post_id)

        # Any saved or removed comment (approved, edited, moved to spam or trash), and a new one
        # only when it is published at once.
        post_save.connect(
            forget_pages, sender=Comment, weak=False, dispatch_uid="comments.pagecache"
        )
        post_delete.connect(
            forget_pages, sender=Comment, weak=False, dispatch_uid="comments.pagecache"
        )

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

        from blogsite.personal_data import registry
        from comments import personal_data

        registry.register(personal_data.SOURCE)
