import csv

from django.contrib import admin
from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wordpress.models import ImportEntry, ImportRun, PageComment
from wordpress.report import ENTRY_FIELDS, Report


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Upload a WordPress export; the import runs off the request and reports here."""

    list_display = ["__str__", "status", "stage", "progress", "dry_run", "created_at"]
    list_filter = ["status"]
    fields = [
        "file",
        "media_file",
        "fetch_media",
        "language",
        "dry_run",
        "train_spam",
        "same_blog",
    ]
    readonly_fields = [
        "status",
        "stage",
        "progress",
        "report_table",
        "uploaded_by",
        "finished_at",
    ]

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return [*self.fields, *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [*self.fields, *self.readonly_fields]

    def has_change_permission(self, request, obj=None):
        # A run is a record of what happened: it can be read, not edited.
        return False if obj is not None else super().has_change_permission(request, obj)

    def get_urls(self):
        csv_view = self.admin_site.admin_view(self.report_csv)
        return [
            path("<id:pk>/report.csv", csv_view, name="wordpress_importrun_csv"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        _notice_stale_runs()
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        _notice_stale_runs()
        run = self.get_object(request, object_id)
        # Reloaded every few seconds while it runs: the progress is live, no script needed.
        refresh = run is not None and run.status in (
            ImportRun.Status.QUEUED,
            ImportRun.Status.RUNNING,
        )
        extra = {**(extra_context or {}), "refresh_seconds": 3 if refresh else None}
        return super().change_view(request, object_id, form_url, extra)

    @admin.display(description=_("progress"))
    def progress(self, obj):
        total = obj.items_total or "?"
        return f"{obj.items_done} / {total} ({obj.percent}%)"

    @admin.display(description=_("report"))
    def report_table(self, obj):
        if obj.status == ImportRun.Status.QUEUED:
            return _(
                "Waiting for the task worker (manage.py db_worker) to start the import. "
                "This page reloads by itself."
            )
        if not obj.report:
            return _("The report appears here when the import has finished.")
        report = Report.from_json(obj.report)
        entries = reverse("admin:wordpress_importentry_changelist") + f"?run__id__exact={obj.pk}"
        download = reverse("admin:wordpress_importrun_csv", args=[obj.pk])
        return format_html(
            '<pre tabindex="0">{}</pre><p><a href="{}">{}</a> · <a href="{}">{}</a></p>',
            report.summary_text(),
            entries,
            _("Every item the report names (%(n)d), page by page") % {"n": report.entry_count},
            download,
            _("Download them as CSV"),
        )

    def report_csv(self, request, pk):
        """Every entry of a run's report, as a CSV file, streamed (it may be long)."""
        run = get_object_or_404(ImportRun, pk=pk)

        class Echo:
            def write(self, value):
                return value

        writer = csv.writer(Echo())
        rows = ImportEntry.objects.filter(run=run).order_by("pk").values_list(*ENTRY_FIELDS)

        def lines():
            yield writer.writerow(ENTRY_FIELDS)
            for row in rows.iterator(chunk_size=2000):
                yield writer.writerow(row)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="wordpress-import-{run.pk}.csv"'
        return response

    def save_model(self, request, obj, form, change):
        from wordpress.tasks import start_import

        obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        transaction.on_commit(lambda: start_import(obj.pk))


def _notice_stale_runs():
    from wordpress.tasks import delete_old_uploads, mark_stale_runs

    mark_stale_runs()
    delete_old_uploads()


@admin.register(ImportEntry)
class ImportEntryAdmin(admin.ModelAdmin):
    """An import's report, page by page: filter by run, kind, what happened; search."""

    list_display = ["kind", "wordpress_id", "title", "action", "field", "message"]
    list_filter = ["run", "kind", "action"]
    search_fields = ["title", "message", "field"]
    list_per_page = 100
    show_full_result_count = True

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PageComment)
class PageCommentAdmin(admin.ModelAdmin):
    """Comments WordPress pages had: kept with their page, read-only."""

    list_display = ["author_name", "page", "status", "kind", "submitted_at", "body"]
    list_filter = ["status", "kind"]
    search_fields = ["author_name", "body", "page__title"]
    list_select_related = ["page"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
