"""The moderation queue: comments, pending first, and the moderation word lists.

Every status change (bulk actions and the change form) goes through
comments.services.moderate, which also trains the spam filter and announces the change.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from comments import services
from comments.models import Comment, ModerationTerm, Unsubscription
from comments.spam.conf import spam_settings

Status = Comment.Status


def status_counts(request):
    """Return {status: count} for every status, in one grouped query per request."""
    if not hasattr(request, "_comment_status_counts"):
        rows = Comment.objects.order_by().values_list("status").annotate(n=Count("pk"))
        counts = dict.fromkeys(Status.values, 0)
        counts.update(dict(rows))
        request._comment_status_counts = counts
    return request._comment_status_counts


# "All" is what a moderator works through, as in WordPress: held and published comments.
# Spam and trash are in their own views.
ALL_STATUSES = (Status.PENDING, Status.APPROVED)


class StatusFilter(admin.SimpleListFilter):
    """Filter by status, each choice with its count: "Pending (3)"; "All" is pending and
    approved."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = status_counts(request)
        self.all_count = sum(counts[value] for value in ALL_STATUSES)
        return [(value, f"{label} ({counts[value]})") for value, label in Status.choices]

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset.filter(status__in=ALL_STATUSES)

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        choices[0]["display"] = "{} ({})".format(gettext("All"), self.all_count)
        return choices


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_("Published at once under your name. Replying to a held comment approves it."),
    )


def row_moves(status: str):
    """The one-click moves of a queue row in `status`: (new status, label, shortcut key)."""
    moves = []
    if status == Status.SPAM:
        moves.append((Status.APPROVED, gettext("Not spam: approve"), "a"))
        moves.append((Status.PENDING, gettext("Not spam"), "u"))
    elif status == Status.APPROVED:
        moves.append((Status.PENDING, gettext("Unapprove"), "u"))
    else:
        moves.append((Status.APPROVED, gettext("Approve"), "a"))
    if status == Status.TRASH:
        moves.append((Status.PENDING, gettext("Restore"), "u"))
    if status != Status.SPAM:
        moves.append((Status.SPAM, gettext("Spam"), "s"))
    if status != Status.TRASH:
        moves.append((Status.TRASH, gettext("Trash"), "t"))
    return moves


# (status the action moves to, statuses it applies to, or None for any other status)
ACTIONS = {
    "approve": (Status.APPROVED, None),
    "mark_spam": (Status.SPAM, None),
    "mark_not_spam": (Status.PENDING, {Status.SPAM}),
    "mark_not_spam_and_approve": (Status.APPROVED, {Status.SPAM}),
    "move_to_trash": (Status.TRASH, None),
    "restore": (Status.PENDING, {Status.TRASH}),
}


def _moderate_selected(modeladmin, request, queryset, action):
    status, applies_to = ACTIONS[action]
    selected = list(queryset.select_related("post"))
    eligible = [c for c in selected if not applies_to or c.status in applies_to]
    # One service call: the spam filter learns the whole selection in one update.
    changed = len(services.moderate_many(comments=eligible, status=status, moderator=request.user))
    skipped = len(selected) - changed
    label = Status(status).label
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d comment moved to %(status)s.",
            "%(count)d comments moved to %(status)s.",
            changed,
        )
        % {"count": changed, "status": label},
        messages.SUCCESS if changed else messages.WARNING,
    )
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d comment left as it was.",
                "%(count)d comments left as they were.",
                skipped,
            )
            % {"count": skipped},
            messages.INFO,
        )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    # A website typed without a scheme gets https, as on the reader's form (and Django 6).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Seven narrow columns fit a 1280 px screen beside the filters: the article goes under
    # the text, the status beside the score.
    list_display = [
        "excerpt",
        "author",
        "spam_score_mark",
        "submitted",
        "reasons_summary",
        "row_actions",
    ]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, ("post", admin.RelatedOnlyFieldListFilter), "submitted_at"]
    date_hierarchy = "submitted_at"
    search_fields = ["author_name", "author_email", "body", "ip_address"]
    list_select_related = ["post"]
    list_per_page = 50
    # Pending first, then newest first.
    ordering = [
        Case(
            When(status=Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        "-submitted_at",
    ]
    actions = [
        "approve",
        "mark_spam",
        "mark_not_spam",
        "mark_not_spam_and_approve",
        "move_to_trash",
        "restore",
    ]
    fieldsets = [
        (None, {"fields": ["status", "post", "parent", "body"]}),
        (_("Author"), {"fields": ["author_name", "author_email", "author_url", "user"]}),
        (
            _("Spam check"),
            {"fields": ["spam_verdict", "spam_score", "reasons_list"]},
        ),
        (
            _("Submission"),
            {
                "fields": [
                    "submitted_at",
                    "edited_at",
                    "ip_address",
                    "user_agent",
                    "referrer",
                    "language",
                    "notify_replies",
                ]
            },
        ),
    ]
    readonly_fields = [
        "post",
        "parent",
        "user",
        "spam_verdict",
        "spam_score",
        "reasons_list",
        "submitted_at",
        "edited_at",
        "ip_address",
        "user_agent",
        "referrer",
        "language",
    ]

    # --- Columns and read-only fields -----------------------------------------------------

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return format_html(
            '{}<br><small class="queue-post">{}</small>',
            Truncator(" ".join(comment.body.split())).chars(140),
            gettext("on “%(title)s”") % {"title": comment.post.title},
        )

    @admin.display(description=_("author"), ordering="author_name")
    def author(self, comment):
        return format_html(
            '<bdi>{}</bdi><br><small class="queue-email">{}</small>',
            comment.author_name,
            comment.author_email or "—",
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
        messages_ = [reason.get("message", "") for reason in comment.spam_reasons or []]
        messages_ = [message for message in messages_ if message]
        if not messages_:
            return "—"
        # In full: a moderator decides on these, so nothing is cut.
        return format_html(
            '<ul class="queue-reasons">{}</ul>',
            format_html_join("", "<li>{}</li>", ((message,) for message in messages_)),
        )

    @admin.display(description=_("actions"))
    def row_actions(self, comment):
        """One-click buttons; they submit the page's row-action form (no nested forms)."""
        url = reverse("admin:comments_comment_moderate", args=[comment.pk])
        html = format_html_join(
            "",
            '<button type="submit" form="row-action-form" formaction="{}" name="status" '
            'value="{}" class="button queue-action" data-key="{}">{}</button>',
            ((url, status, key, label) for status, label, key in row_moves(comment.status)),
        )
        reply_url = reverse("admin:comments_comment_reply", args=[comment.pk])
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
                    (reason.get("message", ""), reason.get("check", ""), reason.get("score", ""))
                    for reason in reasons
                ),
            ),
        )

    # --- Permissions: comments come from readers and from "Reply", never from "Add" ---------

    def has_add_permission(self, request):
        return False

    # --- Queue counts -----------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        counts = status_counts(request)
        extra_context = {
            **(extra_context or {}),
            "status_counts": [
                {"value": value, "label": label, "count": counts[value]}
                for value, label in Status.choices
            ],
            "total_count": sum(counts[value] for value in ALL_STATUSES),
            "current_status": request.GET.get("status", ""),
            # Django's column ordering: "o=-N" sorts by the Nth column (the checkbox is 0).
            "spam_sort_query": self.spam_sort_query(request),
        }
        return super().changelist_view(request, extra_context=extra_context)

    def get_list_display(self, request):
        list_display = list(super().get_list_display(request))
        if not self.has_change_permission(request):
            list_display.remove("row_actions")
        return list_display

    def spam_sort_query(self, request):
        column = list(self.get_list_display(request)).index("spam_score_mark") + 1
        query = request.GET.copy()
        query["o"] = f"-{column}"
        return query.urlencode()

    # --- Status changes on the change form go through moderate() ----------------------------

    def save_model(self, request, obj, form, change):
        new_status = obj.status
        if change and "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if obj.status != new_status:
            services.moderate(comment=obj, status=new_status, moderator=request.user)

    # --- Bulk actions -----------------------------------------------------------------------

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        _moderate_selected(self, request, queryset, "approve")

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        _moderate_selected(self, request, queryset, "mark_spam")

    @admin.action(description=_("Not spam: send back to moderation"), permissions=["change"])
    def mark_not_spam(self, request, queryset):
        _moderate_selected(self, request, queryset, "mark_not_spam")

    @admin.action(description=_("Not spam: approve at once"), permissions=["change"])
    def mark_not_spam_and_approve(self, request, queryset):
        _moderate_selected(self, request, queryset, "mark_not_spam_and_approve")

    @admin.action(description=_("Move selected comments to trash"), permissions=["change"])
    def move_to_trash(self, request, queryset):
        _moderate_selected(self, request, queryset, "move_to_trash")

    @admin.action(description=_("Restore from trash to moderation"), permissions=["change"])
    def restore(self, request, queryset):
        _moderate_selected(self, request, queryset, "restore")

    # --- One-click row actions and replies ----------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<id:object_id>/moderate/",
                self.admin_site.admin_view(self.moderate_view),
                name="{}_{}_moderate".format(*info),
            ),
            path(
                "<id:object_id>/reply/",
                self.admin_site.admin_view(self.reply_view),
                name="{}_{}_reply".format(*info),
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
        if status not in {move[0] for move in row_moves(comment.status)}:
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


@admin.register(ModerationTerm)
class ModerationTermAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "list", "note", "created_at"]
    list_filter = ["list", "kind"]
    search_fields = ["value", "note"]


@admin.register(Unsubscription)
class UnsubscriptionAdmin(admin.ModelAdmin):
    """Who asked not to be e-mailed; deleting a row lets the e-mails through again."""

    list_display = ["email", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["email"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"
