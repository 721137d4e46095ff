"""The admin's WordPress import, run by the configured Django tasks backend."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from wordpress.importer import run_import
from wordpress.models import ImportRun

# Progress is written every this many items: often enough to watch, rarely enough to
# cost nothing next to the import itself.
PROGRESS_EVERY = 25


@task()
def import_wordpress_task(run_id: int) -> str:
    """Import an uploaded export; leave the status, progress and report on the ImportRun."""
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:
        return "skipped"
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)

    def progress(done, total):
        if done == 0 or done == total or done % PROGRESS_EVERY == 0:
            # Outside the item's transaction, so the admin sees it while the import runs.
            ImportRun.objects.filter(pk=run.pk).update(items_done=done, items_total=total)

    try:
        report = run_import(
            lambda: run.file.storage.open(run.file.name, "rb"),
            dry_run=run.dry_run,
            language=run.language,
            options={"train_spam": run.train_spam},
            progress=progress,
        )
        status = ImportRun.Status.FAILED if report.error else ImportRun.Status.DONE
        data = report.as_json()
    except Exception as error:  # noqa: BLE001 - the editor must see that it failed, and why
        status = ImportRun.Status.FAILED
        data = {"error": _("The import stopped: %(error)s") % {"error": error}}
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=status, report=data, finished_at=timezone.now()
        )
    return status
