"""A queue row's one-click button: one comment, one move of comments.transitions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from comments import services, transitions
from comments.models import Comment

from .answers import answer

Status = Comment.Status


class RowActions:
    """CommentAdmin's `<id>/moderate/` view (its URL is in comment.py)."""

    def moderate_view(self, request, object_id):
        """A queue row's button: move one comment; answer the queue's script with the row's
        new cells and the counts, a plain form with the same view of the queue."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        comment = get_object_or_404(Comment.objects.select_related("post"), pk=object_id)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        status = request.POST.get("status")
        if transitions.find(comment.status, status) is None:
            return answer(
                self,
                request,
                message=gettext("That action does not apply."),
                level=messages.ERROR,
                comment=comment,
                status=409,
            )
        services.moderate(comment=comment, status=status, moderator=request.user)
        return answer(
            self,
            request,
            message=gettext("Comment by %(name)s moved to %(status)s.")
            % {"name": comment.author_name, "status": Status(status).label},
            comment=comment,
        )
