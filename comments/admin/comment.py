"""CommentAdmin, the moderation queue: comments, pending first, with counts per status.

Its columns, row buttons, bulk actions, reply and ban pages are in the modules next to it.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.urls import path
from django.utils.translation import gettext_lazy as _

from comments import services
from comments.models import Comment

from .ban import BanView
from .bulk import ACTIONS
from .columns import QueueColumns
from .filters import ALL_STATUSES, StatusFilter, status_counts
from .reasons import ReasonFilter
from .reply import Reply
from .rows import RowActions

Status = Comment.Status


@admin.register(Comment)
class CommentAdmin(QueueColumns, RowActions, Reply, BanView, admin.ModelAdmin):
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
    list_filter = [
        StatusFilter,
        ReasonFilter,
        ("post", admin.RelatedOnlyFieldListFilter),
        "submitted_at",
    ]
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
    actions = ACTIONS
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
        list_display = list(self.list_display)
        if not self.has_change_permission(request):
            list_display.remove("row_actions")
        return self.columns_for_view(
            list_display, self.queue_view(request, request.GET.urlencode())
        )

    def spam_sort_query(self, request):
        column = list(self.list_display).index("spam_score_mark") + 1
        query = request.GET.copy()
        query["o"] = f"-{column}"
        return query.urlencode()

    # --- The queue's own pages: a row's button (rows.py), the reply and the ban ---------------

    def get_urls(self):
        views = {"moderate": self.moderate_view, "reply": self.reply_view, "ban": self.ban_view}
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            *(
                path(
                    f"<id:object_id>/{name}/",
                    self.admin_site.admin_view(view),
                    name=f"{info}_{name}",
                )
                for name, view in views.items()
            ),
            *super().get_urls(),
        ]

    # --- Status changes on the change form go through moderate() ----------------------------

    def save_model(self, request, obj, form, change):
        new_status = obj.status
        if change and "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if obj.status != new_status:
            services.moderate(comment=obj, status=new_status, moderator=request.user)
