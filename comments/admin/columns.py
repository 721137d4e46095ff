"""The queue's columns: text and article, author, status and spam score, date, reasons, and
each row's one-click buttons (the moves of comments.transitions)."""

import functools
from dataclasses import dataclass

from django.contrib import admin
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comments import transitions, wording
from comments.models import Comment
from comments.spam.conf import spam_settings

Status = Comment.Status


def with_filters(url: str, filters: str) -> str:
    """A page's address that leads back to the queue's view `filters` (Django's convention)."""
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


@dataclass(frozen=True)
class QueueView:
    """What some columns need of the request: the query string of the queue's view, which
    their links lead back to, and whether the moderator may ban."""

    filters: str = ""
    can_ban: bool = False


class QueueColumns:
    """The display methods of CommentAdmin's list and change form."""

    # The columns that take the QueueView.
    columns_of_view = ("author", "row_actions")

    def queue_view(self, request, filters: str) -> QueueView:
        return QueueView(
            filters=filters,
            can_ban=self.has_change_permission(request)
            and request.user.has_perm("comments.add_moderationterm"),
        )

    def columns_for_view(self, names, view: QueueView) -> list:
        """list_display for a view of the queue: the columns taking the view bound to it
        (as functions with the method's name, description and ordering), the rest by name."""
        return [
            self.column(name, view) if name in self.columns_of_view else name for name in names
        ]

    def column(self, name: str, view: QueueView):
        """The display method `name`, bound to the queue's view when it takes it."""
        method = getattr(self, name)
        if name not in self.columns_of_view:
            return method

        def column(comment):
            return method(comment, view=view)

        return functools.update_wrapper(column, method)

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return format_html(
            '{}<br><small class="queue-post">{}</small>',
            Truncator(" ".join(comment.body.split())).chars(140),
            gettext("on “%(title)s”") % {"title": comment.post.title},
        )

    @admin.display(description=_("author"), ordering="author_name")
    def author(self, comment, view=QueueView()):
        html = format_html(
            '<bdi>{}</bdi><br><small class="queue-email">{}</small>',
            comment.author_name,
            comment.author_email or "—",
        )
        if not view.can_ban:
            return html
        ban_url = reverse("admin:comments_comment_ban", args=[comment.pk])
        return format_html(
            '{}<br><a class="queue-ban" href="{}" aria-label="{}">{}</a>',
            html,
            with_filters(ban_url, view.filters),
            gettext("Ban %(name)s") % {"name": comment.author_name},
            gettext("Ban…"),
        )

    @admin.display(description=_("status and spam score"), ordering="spam_score")
    def spam_score_mark(self, comment):
        status = comment.get_status_display()
        if comment.spam_score is None:
            return format_html("{}<br>—", status)
        score = number_format(comment.spam_score, decimal_pos=2)
        if comment.spam_score >= float(spam_settings.THRESHOLD):
            return format_html(
                '{}<br><strong class="likely-spam" title="{}">{} ⚠ {}</strong>',
                status,
                gettext("At or above the spam threshold"),
                score,
                gettext("likely spam"),
            )
        return format_html("{}<br>{}", status, score)

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted(self, comment):
        return date_format(localtime(comment.submitted_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("why"))
    def reasons_summary(self, comment):
        messages_ = [wording.text_of(reason) for reason in comment.spam_reasons or []]
        messages_ = [message for message in messages_ if message]
        if not messages_:
            return "—"
        # In full: a moderator decides on these, so nothing is cut.
        return format_html(
            '<ul class="queue-reasons">{}</ul>',
            format_html_join("", "<li>{}</li>", ((message,) for message in messages_)),
        )

    @admin.display(description=_("actions"))
    def row_actions(self, comment, view=QueueView()):
        """One-click buttons; they submit the page's row-action form (no nested forms)."""
        url = reverse("admin:comments_comment_moderate", args=[comment.pk])
        html = format_html_join(
            "",
            '<button type="submit" form="row-action-form" formaction="{}" name="status" '
            'value="{}" class="button queue-action" data-key="{}">{}</button>',
            (
                (url, move.target, move.key, move.label)
                for move in transitions.moves_from(comment.status)
            ),
        )
        reply_url = reverse("admin:comments_comment_reply", args=[comment.pk])
        reply_url = with_filters(reply_url, view.filters)
        reply_label = (
            gettext("Approve and reply") if comment.status == Status.PENDING else gettext("Reply")
        )
        return format_html(
            '<div class="queue-actions" data-comment="{}">{}'
            '<a class="button queue-action" data-key="r" href="{}">{}</a></div>',
            comment.pk,
            html,
            reply_url,
            reply_label,
        )

    @admin.display(description=_("reasons"))
    def reasons_list(self, comment):
        reasons = comment.spam_reasons or []
        if not reasons:
            return gettext("No reasons recorded.")
        return format_html(
            '<ul style="margin: 0; padding: 0 0 0 1rem;">{}</ul>',
            format_html_join(
                "",
                "<li>{} <small>({}, {})</small></li>",
                (
                    (wording.text_of(reason), reason.get("check", ""), reason.get("score", ""))
                    for reason in reasons
                    if isinstance(reason, dict)
                ),
            ),
        )
