from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from blogsite import pagekeys

        # What the article's comments read from the address (comments_tags.render_comments).
        pagekeys.register_key_parameters("thread", "cpage", "replyto")
        from comments.models import Comment
        from posts import listing

        listing.register_count("comment_count", lambda: Comment.objects.visible())

        # The receivers of comment changes (page cache, e-mails, moderation terms).
        from blogsite.personal_data import registry
        from comments import (
            personal_data,
            receivers,  # noqa: F401
        )

        registry.register(personal_data.SOURCE)
