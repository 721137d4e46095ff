from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpamConfig(AppConfig):
    name = "comments.spam"
    label = "spam"
    verbose_name = _("Spam filter")
