"""The queue's status filter, with the number of comments in each status."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comments.models import Comment

Status = Comment.Status

# "All" is what a moderator works through, as in WordPress: held and published comments.
# Spam and trash are in their own views.
ALL_STATUSES = (Status.PENDING, Status.APPROVED)


def status_counts(request):
    """Return {status: count} for every status, in one grouped query per request."""
    if not hasattr(request, "_comment_status_counts"):
        rows = Comment.objects.order_by().values_list("status").annotate(n=Count("pk"))
        counts = dict.fromkeys(Status.values, 0)
        counts.update(dict(rows))
        request._comment_status_counts = counts
    return request._comment_status_counts


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
