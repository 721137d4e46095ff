"""Signal receivers of the reactions app, connected in ReactionsConfig.ready()."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from posts.reactions.services import merge_anonymous_reactions
from posts.reactions.voters import anonymous_voter, read_anonymous_id


@receiver(user_logged_in, dispatch_uid="posts.merge_anonymous_reactions")
def move_anonymous_reactions_to_account(sender, request, user, **kwargs):
    """A reader who signs in keeps the reactions they gave anonymously on this browser."""
    anonymous_id = read_anonymous_id(request)
    if anonymous_id:
        merge_anonymous_reactions(anonymous_voter=anonymous_voter(anonymous_id), user=user)
