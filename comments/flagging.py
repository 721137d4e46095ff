"""Readers flag a published comment for the moderators: a plain form on every comment, which
works without JavaScript and on cached pages (it carries nothing personal, and a same-origin
post needs no CSRF token, see blogsite.csrf). Kept apart from comments.views."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blogsite import ratelimit
from blogsite.csrf import same_origin_or_csrf_token
from blogsite.reader import reader_of
from comments import services
from comments.conf import comment_settings
from comments.models import Comment
from comments.views import MESSAGE_TAG, client_ip, comment_url
from posts.models import Post
from posts.reactions.voters import remember_anonymous_id, voter_for_request


@same_origin_or_csrf_token
@require_POST
def flag_comment(request, pk):
    """Record the reader's flag and lead back to the comment (or, once it went back to the
    queue, to the article's comments)."""
    comment = get_object_or_404(
        Comment.objects.visible().select_related("post"),
        pk=pk,
        post__in=Post.objects.published(),
    )
    own_ids = reader_of(request).own_comment_ids
    if not ratelimit.hit(
        scope="flag", key=client_ip(request) or "-", rate=comment_settings.FLAG_RATE_LIMIT
    ):
        messages.error(
            request,
            _("You are flagging comments faster than we accept flags. Please try again later."),
            extra_tags=MESSAGE_TAG,
        )
        return redirect(comment_url(comment, own_ids=own_ids))
    # The reader is known as the reactions know them; a first-time anonymous reader gets
    # the same signed cookie a first vote gives.
    voter = voter_for_request(request, create=True)
    flagging = services.flag_comment(
        comment=comment, reader=voter.key, ip_address=client_ip(request)
    )
    if flagging.created:
        messages.success(
            request,
            _("Thank you: the moderators will look at this comment."),
            extra_tags=MESSAGE_TAG,
        )
    else:
        messages.info(request, _("You have already flagged this comment."), extra_tags=MESSAGE_TAG)
    if flagging.held:
        response = redirect(f"{comment.post.get_absolute_url()}#comments")
    else:
        response = redirect(comment_url(comment, own_ids=own_ids))
    if voter.new_anonymous_id:
        remember_anonymous_id(request, response, voter.new_anonymous_id)
    return response
