"""Ban a commenter from a comment of the queue: their e-mail, IP range or account becomes a
blocked term and all their comments go to spam, in one submit (comments.services.ban)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from comments import services
from comments.models import Comment
from comments.services.ban import comments_of, ip_range

from .answers import answer, comment_page


def _with_count(label: str, count: int) -> str:
    return ngettext("%(what)s (%(count)d comment)", "%(what)s (%(count)d comments)", count) % {
        "what": label,
        "count": count,
    }


class BanForm(forms.Form):
    """What to ban of one comment's author; each choice says how many comments it covers."""

    email = forms.BooleanField(required=False, initial=True)
    account = forms.BooleanField(required=False, initial=True)
    ban_ip = forms.BooleanField(required=False, label=_("The IP address or range"))
    ip_range = forms.CharField(
        required=False,
        max_length=50,
        label=_("IP address or range"),
        help_text=_(
            "The address the comment came from; widen it to a range such as 203.0.113.0/24 "
            "for a commenter whose address changes. Shared addresses (offices, mobile "
            "networks) ban everyone behind them."
        ),
    )
    spam_comments = forms.BooleanField(
        required=False, initial=True, label=_("Send all their comments to spam")
    )
    note = forms.CharField(
        required=False,
        max_length=200,
        label=_("Note"),
        help_text=_("Why, for whoever reads the moderation terms later."),
    )

    def __init__(self, *args, comment: Comment, **kwargs):
        super().__init__(*args, initial={"ip_range": comment.ip_address or ""}, **kwargs)
        self.comment = comment
        if comment.author_email:
            count = comments_of(email=comment.author_email).count()
            self.fields["email"].label = _with_count(
                gettext("The e-mail address %(email)s") % {"email": comment.author_email}, count
            )
        else:
            del self.fields["email"]
        if comment.user_id:
            count = comments_of(user=comment.user).count()
            self.fields["account"].label = _with_count(
                gettext("The account %(username)s") % {"username": comment.user.get_username()},
                count,
            )
        else:
            del self.fields["account"]

    def clean(self):
        data = super().clean()
        if data.get("ban_ip"):
            try:
                ip_range(data.get("ip_range", ""))
            except ValidationError as error:
                self.add_error("ip_range", error)
        if not (data.get("email") or data.get("account") or data.get("ban_ip")):
            raise ValidationError(
                gettext("Choose what to ban: the e-mail, the IP or the account.")
            )
        return data


class BanView:
    """CommentAdmin's `<id>/ban/` page (its URL is in comment.py)."""

    def ban_view(self, request, object_id):
        comment = get_object_or_404(Comment.objects.select_related("post", "user"), pk=object_id)
        if not (
            self.has_change_permission(request, comment)
            and request.user.has_perm("comments.add_moderationterm")
        ):
            raise PermissionDenied
        form = BanForm(request.POST or None, comment=comment)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                ban = services.ban_commenter(
                    email=comment.author_email if data.get("email") else "",
                    ip_address=data["ip_range"] if data.get("ban_ip") else "",
                    user=comment.user if data.get("account") else None,
                    moderator=request.user,
                    note=data["note"],
                    spam_comments=data["spam_comments"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return answer(self, request, message=ban_message(ban))
        return comment_page(
            self,
            request,
            "admin/comments/comment/ban.html",
            comment=comment,
            form=form,
            title=gettext("Ban %(name)s") % {"name": comment.author_name},
        )


def ban_message(ban: services.Ban) -> str:
    """What the moderator is told: what is blocked now, and how many comments moved."""
    blocked = ", ".join(f"{term.get_kind_display()} {term.value}" for term in ban.terms)
    return (
        gettext("Banned: %(blocked)s.") % {"blocked": blocked}
        + " "
        + ngettext(
            "%(count)d comment moved to spam.", "%(count)d comments moved to spam.", len(ban.moved)
        )
        % {"count": len(ban.moved)}
    )
