from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpamConfig(AppConfig):
    name = "comments.spam"
    label = "spam"
    verbose_name = _("Spam filter")

    def ready(self):
        from comments.signals import comment_moderated

        from . import receivers, system_checks  # noqa: F401  (registers the checks)

        comment_moderated.connect(receivers.report_moderation, dispatch_uid="spam-akismet")
