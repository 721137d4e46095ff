from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordPressConfig(AppConfig):
    """Moving in from WordPress and back out: import, export, old addresses.

    It sits above posts and comments and calls their services; neither knows it exists.
    """

    name = "wordpress"
    verbose_name = _("WordPress")
