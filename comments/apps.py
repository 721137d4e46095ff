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

        # The parts of the request's reader that comments own (blogsite.reader).
        from blogsite.reader import register_part
        from comments import cookies
        from comments.moderation import TrustEvidence

        register_part("own_comment_ids", lambda request, reader: cookies.own_comment_ids(request))
        register_part(
            "confirmed_emails", lambda request, reader: cookies.confirmed_emails(request)
        )
        register_part(
            "remembered_author", lambda request, reader: cookies.remembered_author(request)
        )
        register_part(
            "trust",  # the evidence the moderation rules accept
            lambda request, reader: TrustEvidence(
                user=reader.user,
                own_comment_ids=reader.own_comment_ids,
                confirmed_emails=reader.confirmed_emails,
            ),
        )
