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

        listing.register_count("reaction_count", Reaction.objects.counted)

        from blogsite.personal_data import registry
        from posts.reactions import personal_data

        registry.register(personal_data.SOURCE)

        # The part of the request's reader that reactions own (blogsite.reader).
        from blogsite.reader import register_part
        from posts.reactions.voters import voter_for_request

        register_part("voter_key", lambda request, reader: voter_for_request(request).key)

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
