"""The queue's status filter, with the number of comments in each status."""

from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comments.models import Comment

Status = Comment.Status

# "All" is what a moderator works through, as in WordPress: held and published comments.
# Spam and trash are in their own views.
ALL_STATUSES = (Status.PENDING, Status.APPROVED)


def statuses_in_view(view: str | None) -> tuple[str, ...]:
    """The statuses a view of the queue lists: `?status=spam` spam only, no status "All"."""
    return (view,) if view in Status.values else ALL_STATUSES


def counts_with_all(counts: dict[str, int]) -> dict[str, int]:
    """{status: count} plus "all", the count of the "All" view."""
    return {**counts, "all": sum(counts[value] for value in ALL_STATUSES)}


def status_counts(request):
    """Return {status: count} for every status and "all", in one grouped query per request."""
    if not hasattr(request, "_comment_status_counts"):
        request._comment_status_counts = counts_with_all(Comment.objects.count_by_status())
    return request._comment_status_counts


class StatusFilter(admin.SimpleListFilter):
    """Filter by status, each choice with its count: "Pending (3)"; "All" is pending and
    approved. The counts are marked up so the queue's script updates them in place."""

    title = _("status")
    parameter_name = "status"
    template = "admin/comments/comment/status_filter.html"

    def lookups(self, request, model_admin):
        self.counts = status_counts(request)
        return [(value, f"{label} ({self.counts[value]})") for value, label in Status.choices]

    def queryset(self, request, queryset):
        return queryset.filter(status__in=statuses_in_view(self.value()))

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        labels = [gettext("All"), *Status.labels]
        for choice, key, label in zip(choices, ["all", *Status.values], labels, strict=True):
            choice.update(count_key=key, label=label, count=self.counts[key])
        choices[0]["display"] = "{} ({})".format(labels[0], self.counts["all"])
        return choices
