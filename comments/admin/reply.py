"""A moderator's reply to a comment, published under their own name."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comments import services
from comments.models import Comment

Status = Comment.Status


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_("Published at once under your name. Replying to a held comment approves it."),
    )


class Reply:
    """CommentAdmin's `<id>/reply/` page."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/reply/",
                self.admin_site.admin_view(self.reply_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_reply",
            ),
            *super().get_urls(),
        ]

    def reply_view(self, request, object_id):
        parent = get_object_or_404(Comment.objects.select_related("post"), pk=object_id)
        if not self.has_change_permission(request, parent):
            raise PermissionDenied
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            result = services.reply_as_moderator(
                parent=parent, body=form.cleaned_data["body"], moderator=request.user
            )
            if not result.is_visible:
                self.message_user(
                    request,
                    gettext(
                        "Your reply is saved, but readers cannot see it: a comment above it "
                        "in the thread is not approved."
                    ),
                    messages.WARNING,
                )
            elif result.approved_parent:
                self.message_user(
                    request,
                    gettext("The comment is approved and your reply is published."),
                    messages.SUCCESS,
                )
            else:
                self.message_user(request, gettext("Your reply is published."), messages.SUCCESS)
            return redirect(reverse("admin:comments_comment_change", args=[result.reply.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reply to %(name)s") % {"name": parent.author_name},
            "opts": self.opts,
            "original": parent,
            "form": form,
            "approves_parent": parent.status == Status.PENDING,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/comments/comment/reply.html", context)
