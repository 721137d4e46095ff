"""A queue row's one-click button: one comment, one move of comments.transitions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext

from comments import services, transitions
from comments.models import Comment

Status = Comment.Status


class RowActions:
    """CommentAdmin's `<id>/moderate/` view."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/moderate/",
                self.admin_site.admin_view(self.moderate_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_moderate",
            ),
            *super().get_urls(),
        ]

    def moderate_view(self, request, object_id):
        """A queue row's button: move one comment, then back to the same view of the queue."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        comment = get_object_or_404(Comment.objects.select_related("post"), pk=object_id)
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        status = request.POST.get("status")
        if transitions.find(comment.status, status) is None:
            self.message_user(request, gettext("That action does not apply."), messages.ERROR)
        else:
            services.moderate(comment=comment, status=status, moderator=request.user)
            self.message_user(
                request,
                gettext("Comment by %(name)s moved to %(status)s.")
                % {"name": comment.author_name, "status": Status(status).label},
                messages.SUCCESS,
            )
        filters = request.POST.get("_changelist_filters", "")
        url = reverse("admin:comments_comment_changelist")
        return redirect(f"{url}?{filters}" if filters else url)
