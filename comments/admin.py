"""The moderation queue: comments, pending first, and the moderation word lists.

Every status change (bulk actions and the change form) goes through
comments.services.moderate, which also trains the spam filter and announces the change.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, Count, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from comments import services
from comments.models import Comment, ModerationTerm, Unsubscription

Status = Comment.Status


def status_counts(request):
    """Return {status: count} for every status, in one grouped query per request."""
    if not hasattr(request, "_comment_status_counts"):
        rows = Comment.objects.order_by().values_list("status").annotate(n=Count("pk"))
        counts = dict.fromkeys(Status.values, 0)
        counts.update(dict(rows))
        request._comment_status_counts = counts
    return request._comment_status_counts


class StatusFilter(admin.SimpleListFilter):
    """Filter by status, each choice with its count: "Pending (3)"."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = status_counts(request)
        return [(value, f"{label} ({counts[value]})") for value, label in Status.choices]

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_("Published at once, in the site's name."),
    )


# (status the action moves to, statuses it applies to, or None for any other status)
ACTIONS = {
    "approve": (Status.APPROVED, None),
    "mark_spam": (Status.SPAM, None),
    "mark_not_spam": (Status.PENDING, {Status.SPAM}),
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
    list_display = [
        "excerpt",
        "author_name",
        "author_email",
        "post",
        "status",
        "spam_score",
        "submitted_at",
        "reasons_summary",
        "reply_link",
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
    actions = ["approve", "mark_spam", "mark_not_spam", "move_to_trash", "restore"]
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
        return Truncator(" ".join(comment.body.split())).chars(80)

    @admin.display(description=_("why"))
    def reasons_summary(self, comment):
        messages_ = [reason.get("message", "") for reason in comment.spam_reasons or []]
        return Truncator("; ".join(filter(None, messages_))).chars(100) or "—"

    @admin.display(description=_("reply"))
    def reply_link(self, comment):
        url = reverse("admin:comments_comment_reply", args=[comment.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Reply"))

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
            "total_count": sum(counts.values()),
        }
        return super().changelist_view(request, extra_context=extra_context)

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

    @admin.action(description=_("Move selected comments to trash"), permissions=["change"])
    def move_to_trash(self, request, queryset):
        _moderate_selected(self, request, queryset, "move_to_trash")

    @admin.action(description=_("Restore from trash to moderation"), permissions=["change"])
    def restore(self, request, queryset):
        _moderate_selected(self, request, queryset, "restore")

    # --- Reply as the site ------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/reply/",
                self.admin_site.admin_view(self.reply_view),
                name="{}_{}_reply".format(*info),
            ),
            *super().get_urls(),
        ]

    def reply_view(self, request, object_id):
        parent = get_object_or_404(Comment.objects.select_related("post"), pk=object_id)
        if not self.has_change_permission(request, parent):
            raise PermissionDenied
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reply = services.reply_as_site(
                parent=parent, body=form.cleaned_data["body"], moderator=request.user
            )
            self.message_user(request, gettext("Your reply is published."), messages.SUCCESS)
            return redirect(reverse("admin:comments_comment_change", args=[reply.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reply to %(name)s") % {"name": parent.author_name},
            "opts": self.opts,
            "original": parent,
            "form": form,
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
