from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressConfig(AppConfig):
    """Moving in from WordPress and back out: import, export, old addresses.

    It sits above posts and comments and calls their services; neither knows it exists.
    """

    name = "wordpress"
    verbose_name = _("WordPress")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from blogsite import pagekeys
        from posts.cache import site_changed
        from wordpress.middleware import QUERY_KEYS
        from wordpress.models import PageComment

        # /?p=12 and friends are redirects, never the home page stored for "/".
        pagekeys.register_key_parameters(*QUERY_KEYS, "attachment_id")

        # A page shows its WordPress comments: a removed one leaves the stored pages too.
        post_save.connect(site_changed, sender=PageComment, dispatch_uid="page-comment-saved")
        post_delete.connect(site_changed, sender=PageComment, dispatch_uid="page-comment-gone")
