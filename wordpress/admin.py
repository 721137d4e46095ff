from django.contrib import admin
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wordpress.models import ImportRun
from wordpress.report import Report


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Upload a WordPress export; the import runs in the background and reports here."""

    list_display = ["__str__", "status", "progress", "dry_run", "created_at", "uploaded_by"]
    list_filter = ["status"]
    fields = ["file", "language", "dry_run", "train_spam"]
    readonly_fields = ["status", "progress", "report_table", "uploaded_by", "finished_at"]

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

    @admin.display(description=_("progress"))
    def progress(self, obj):
        return f"{obj.items_done} / {obj.items_total} ({obj.percent}%)"

    @admin.display(description=_("report"))
    def report_table(self, obj):
        if not obj.report:
            return _("The report appears here when the import has finished (reload the page).")
        return format_html("<pre>{}</pre>", Report.from_json(obj.report).as_text())

    def save_model(self, request, obj, form, change):
        from wordpress.tasks import import_wordpress_task

        obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        transaction.on_commit(lambda: import_wordpress_task.enqueue(obj.pk))
