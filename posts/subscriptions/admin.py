"""Admin: subscribers (counts, search, CSV export, bounces), mailings and their deliveries.

Nobody is subscribed from the admin (a subscription needs the person's own confirmation);
editors read, export, and stop sending to an address that bounces or complained.
"""

import csv

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from posts.languages import language_choices
from posts.subscriptions import services
from posts.subscriptions.models import Delivery, Mailing, Subscription

CSV_FIELDS = [
    "email",
    "language",
    "frequency",
    "status",
    "requested_at",
    "confirmed_at",
    "status_changed_at",
]


class _Echo:
    """A file-like object that hands back what csv writes (for a streamed response)."""

    def write(self, value):
        return value


def summary_rows(counts: dict) -> list[dict]:
    """One row per language: its count in every status, and the total."""
    rows = []
    for code, name in language_choices():
        by_status = [counts.get((code, status), 0) for status in Subscription.Status.values]
        rows.append({"language": name, "counts": by_status, "total": sum(by_status)})
    return rows


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [*CSV_FIELDS[:-1], "account_link"]  # the export's columns but the last
    list_filter = ["status", "language", "frequency"]
    search_fields = ["email"]
    date_hierarchy = "requested_at"
    list_select_related = ["user"]
    readonly_fields = [
        "email",
        "language",
        "frequency",
        "status",
        "user",
        "requested_at",
        "requested_ip",
        "confirmed_at",
        "confirmed_ip",
        "status_changed_at",
    ]
    actions = ["export_csv", "record_bounces", "record_complaints", "unsubscribe_selected"]

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "summary_statuses": Subscription.Status.labels,
            "summary_rows": summary_rows(Subscription.objects.counts()),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("account"), ordering="user")
    def account_link(self, obj):
        if obj.user_id is None:
            return "—"
        url = reverse("admin:auth_user_change", args=[obj.user_id])
        return format_html('<a href="{}">{}</a>', url, obj.user)

    @admin.action(description=_("Export the selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        writer = csv.writer(_Echo())

        def rows():
            yield writer.writerow(CSV_FIELDS)
            for values in queryset.order_by("pk").values_list(*CSV_FIELDS).iterator(2000):
                yield writer.writerow(
                    [
                        value.isoformat() if hasattr(value, "isoformat") else value
                        for value in values
                    ]
                )

        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
        return response

    def _record(self, request, queryset, *, complaint: bool):
        emails = set(queryset.values_list("email", flat=True))
        stopped = sum(services.record_bounce(email=email, complaint=complaint) for email in emails)
        self.message_user(
            request,
            ngettext(
                "Sending stopped for %(count)d subscription.",
                "Sending stopped for %(count)d subscriptions.",
                stopped,
            )
            % {"count": stopped},
            messages.SUCCESS,
        )

    @admin.action(description=_("Record a bounce: stop sending"))
    def record_bounces(self, request, queryset):
        self._record(request, queryset, complaint=False)

    @admin.action(description=_("Record a spam complaint: stop sending"))
    def record_complaints(self, request, queryset):
        self._record(request, queryset, complaint=True)

    @admin.action(description=_("Unsubscribe the selected subscribers"))
    def unsubscribe_selected(self, request, queryset):
        count = 0
        for subscription in queryset:
            was = subscription.status
            count += services.unsubscribe(subscription=subscription).status != was
        self.message_user(
            request,
            ngettext(
                "%(count)d subscriber is unsubscribed.",
                "%(count)d subscribers are unsubscribed.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


def _delivery_counts():
    return {
        name: Count("deliveries", filter=Q(deliveries__status=status))
        for name, status in (
            ("sent_count", Delivery.Status.SENT),
            ("failed_count", Delivery.Status.FAILED),
            ("waiting_count", Delivery.Status.QUEUED),
        )
    }


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    """The record of what was sent: one row per article and per weekly digest."""

    list_display = [
        "subject",
        "kind",
        "language",
        "created_at",
        "finished_at",
        "sent",
        "failed",
        "waiting",
    ]
    list_filter = ["kind", "language"]
    list_select_related = ["post"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(**_delivery_counts())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("article or week"))
    def subject(self, obj):
        if obj.post is not None:
            return obj.post.title
        return f"{obj.period_start:%Y-%m-%d} – {obj.period_end:%Y-%m-%d}"

    def _deliveries_link(self, obj, count, status):
        query = urlencode({"mailing__id__exact": obj.pk, "status": status})
        url = f"{reverse('admin:subscriptions_delivery_changelist')}?{query}"
        return format_html('<a href="{}">{}</a>', url, count)

    @admin.display(description=_("sent"), ordering="sent_count")
    def sent(self, obj):
        return self._deliveries_link(obj, obj.sent_count, Delivery.Status.SENT)

    @admin.display(description=_("failed"), ordering="failed_count")
    def failed(self, obj):
        return self._deliveries_link(obj, obj.failed_count, Delivery.Status.FAILED)

    @admin.display(description=_("waiting"), ordering="waiting_count")
    def waiting(self, obj):
        return self._deliveries_link(obj, obj.waiting_count, Delivery.Status.QUEUED)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["mailing", "subscription", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "mailing"]
    search_fields = ["subscription__email"]
    list_select_related = ["mailing", "subscription"]
    show_full_result_count = False  # a mailing may have many thousands

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
