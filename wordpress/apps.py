from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressConfig(AppConfig):
    """Moving in from WordPress and back out: import, export, old addresses.

    It sits above posts and comments and calls their services; neither knows it exists.
    """

    name = "wordpress"
    verbose_name = _("WordPress")

    def ready(self):
        from blogsite import pagekeys
        from wordpress.middleware import QUERY_KEYS

        # /?p=12 and friends are redirects, never the home page stored for "/".
        pagekeys.register_key_parameters(*QUERY_KEYS, "attachment_id")
