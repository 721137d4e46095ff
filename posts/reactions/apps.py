from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    name = "posts.reactions"
    label = "reactions"
    verbose_name = _("Reactions")

    def ready(self):
        from posts import listing
        from posts.reactions import signals  # noqa: F401  (connects the receivers)
        from posts.reactions.models import Reaction

        listing.register_count("reaction_count", Reaction.objects.all)

        from django.db.models.signals import post_delete, post_save

        from posts import cache
        from posts.reactions.models import ReactionKind, ReactionKindLabel

        def forget_counts(sender, instance, **kwargs):
            cache.votes_changed(post_id=instance.post_id)

        post_save.connect(
            forget_counts, sender=Reaction, weak=False, dispatch_uid="reactions.pagecache"
        )
        post_delete.connect(
            forget_counts, sender=Reaction, weak=False, dispatch_uid="reactions.pagecache"
        )
        for signal in (post_save, post_delete):
            signal.connect(cache.site_changed, sender=ReactionKind, dispatch_uid="kinds.pagecache")
            signal.connect(
                cache.site_changed, sender=ReactionKindLabel, dispatch_uid="labels.pagecache"
            )
