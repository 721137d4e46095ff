from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "posts.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        from django.db.models.signals import post_save

        from blogsite.personal_data import registry
        from posts.models import Post
        from posts.subscriptions import personal_data, receivers

        post_save.connect(
            receivers.article_saved, sender=Post, dispatch_uid="subscriptions.article_saved"
        )
        registry.register(personal_data.SOURCE)
