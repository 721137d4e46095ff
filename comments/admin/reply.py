"""A moderator's reply to a comment, published under their own name: on its own page, or in
the queue's quick reply (the same view, answering JSON). Both end in the queue."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comments import services
from comments.models import Comment

from .answers import answer, comment_page, wants_json

Status = Comment.Status


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_("Published at once under your name. Replying to a held comment approves it."),
    )


class Reply:
    """CommentAdmin's `<id>/reply/` page (its URL is in comment.py)."""

    def reply_view(self, request, object_id):
        """Reply to a comment (approving it when held), then back to the queue's view; the
        queue's quick reply posts here too and gets JSON."""
        parent = get_object_or_404(Comment.objects.select_related("post"), pk=object_id)
        if not self.has_change_permission(request, parent):
            raise PermissionDenied
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            result = services.reply_as_moderator(
                parent=parent, body=form.cleaned_data["body"], moderator=request.user
            )
            message, level = reply_message(result)
            return answer(self, request, message=message, level=level, comment=parent)
        if request.method == "POST" and wants_json(request):
            return JsonResponse(
                {"message": " ".join(form.errors["body"]), "level": "error"}, status=400
            )
        return comment_page(
            self,
            request,
            "admin/comments/comment/reply.html",
            comment=parent,
            form=form,
            title=gettext("Reply to %(name)s") % {"name": parent.author_name},
            approves_parent=parent.status == Status.PENDING,
        )


def reply_message(result: services.ModeratorReply) -> tuple[str, int]:
    """What a moderator is told about their reply, and at which level."""
    if not result.is_visible:
        return (
            gettext(
                "Your reply is saved, but readers cannot see it: a comment above it "
                "in the thread is not approved."
            ),
            messages.WARNING,
        )
    if result.approved_parent:
        return gettext("The comment is approved and your reply is published."), messages.SUCCESS
    return gettext("Your reply is published."), messages.SUCCESS
