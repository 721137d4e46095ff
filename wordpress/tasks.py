"""The admin's WordPress import: started off the web request, watched while it runs.

With a task worker (TASKS_BACKEND=database) the import is a task for `manage.py
db_worker`. With the immediate backend there is no worker, and running the task at once
would run it inside the upload's request (killed by gunicorn's timeout, left "running"
forever): the import then runs in a process of its own (`manage.py import_wordpress
--run ID`). Either way the run writes its stage, progress and a heartbeat as it goes; a
run whose heartbeat stops is marked failed when the admin next looks (mark_stale_runs).
"""

import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from wordpress.conf import wordpress_settings
from wordpress.importer import run_import
from wordpress.models import ImportEntry, ImportRun
from wordpress.uploads import UploadsError, unpack_uploads

# Progress is written at most this often: often enough to watch, rarely enough to cost
# nothing next to the import itself.
PROGRESS_SECONDS = 1.0
ENTRIES_PER_INSERT = 500


def start_import(run_id: int) -> None:
    """Start the import of an uploaded run, never in the calling process's request."""
    if isinstance(task_backends["default"], ImmediateBackend):
        manage = Path(settings.BASE_DIR) / "manage.py"
        subprocess.Popen(  # noqa: S603 - our own command, with an id
            [sys.executable, str(manage), "import_wordpress", "--run", str(run_id)],
            start_new_session=True,  # outlives the web worker that started it
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    else:
        import_wordpress_task.enqueue(run_id)


@task()
def import_wordpress_task(run_id: int) -> str:
    return run_upload(run_id)


def run_upload(run_id: int) -> str:
    """Import an uploaded export; leave the status, progress and report on the ImportRun."""
    started = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, heartbeat_at=timezone.now(), stage=_("starting")
    )
    if not started:
        return "skipped"
    run = ImportRun.objects.get(pk=run_id)
    last = {"at": 0.0, "stage": ""}

    def beat(**fields):
        # Outside the items' transactions, so the admin sees it while the import runs.
        ImportRun.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now(), **fields)

    def progress(done, total):
        now = time.monotonic()
        if done in (0, total) or now - last["at"] >= PROGRESS_SECONDS:
            last["at"] = now
            beat(items_done=done, items_total=total)

    def stage(name):
        beat(stage=name)

    def store_entries(entries):
        rows = [
            ImportEntry(
                run_id=run.pk,
                kind=e.kind[:30],
                wordpress_id=e.wordpress_id,
                title=e.title[:300],
                action=e.action,
                field=e.field[:50],
                message=e.message,
            )
            for e in entries
        ]
        ImportEntry.objects.bulk_create(rows, batch_size=ENTRIES_PER_INSERT)

    try:
        if run.media_file:
            stage(_("unpacking the media zip"))
        with media_folder(run) as (media_dir, refused):
            report = run_import(
                lambda: run.file.storage.open(run.file.name, "rb"),
                media_dir=media_dir,
                dry_run=run.dry_run,
                language=run.language,
                options={
                    "train_spam": run.train_spam,
                    "fetch_media": run.fetch_media,
                    "same_blog": run.same_blog,
                },
                progress=progress,
                stage=stage,
                entries=store_entries,
            )
            _report_refused(report, refused)
        status = ImportRun.Status.FAILED if report.error else ImportRun.Status.DONE
        data = report.as_json()
    except UploadsError as error:
        status = ImportRun.Status.FAILED
        data = {"error": str(error)}
    except Exception as error:  # noqa: BLE001 - the editor must see that it failed, and why
        status = ImportRun.Status.FAILED
        data = {"error": _("The import stopped: %(error)s") % {"error": error}}
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=status, report=data, finished_at=timezone.now(), stage=""
        )
    delete_old_uploads()
    return status


@contextmanager
def media_folder(run):
    """The uploaded media zip, unpacked into a temporary folder, as (the import's media_dir,
    the names refused in it); (None, []) without one. Removed afterwards."""
    if not run.media_file:
        yield None, []
        return
    with (
        tempfile.TemporaryDirectory(prefix="wordpress-media-") as folder,
        run.media_file.storage.open(run.media_file.name, "rb") as handle,
    ):
        yield unpack_uploads(handle, Path(folder))


def _report_refused(report, refused) -> None:
    for name in refused:
        report.skip(
            "media",
            name,
            _("in the media zip, its path leads out of the uploads folder: not unpacked"),
        )
    report.commit()


def mark_stale_runs() -> int:
    """Mark failed the runs whose worker stopped giving signs of life (it died, or the
    machine restarted): they would say "running" forever."""
    limit = timezone.now() - timedelta(seconds=wordpress_settings.STALE_AFTER_SECONDS)
    stale = ImportRun.objects.filter(status=ImportRun.Status.RUNNING, heartbeat_at__lt=limit)
    message = _(
        "The import stopped: its worker gave no sign of life for %(minutes)d minutes "
        "(it was stopped or the server restarted). Upload the file again to rerun it."
    ) % {"minutes": wordpress_settings.STALE_AFTER_SECONDS // 60}
    failed = 0
    for run in stale:
        report = dict(run.report or {}, error=message)
        failed += ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.RUNNING).update(
            status=ImportRun.Status.FAILED, report=report, finished_at=timezone.now()
        )
    return failed


def delete_old_uploads() -> None:
    """Delete the uploaded files of runs finished more than WORDPRESS_KEEP_UPLOADS_DAYS ago
    (their report stays)."""
    limit = timezone.now() - timedelta(days=wordpress_settings.KEEP_UPLOADS_DAYS)
    finished = ImportRun.objects.filter(
        status__in=[ImportRun.Status.DONE, ImportRun.Status.FAILED], finished_at__lte=limit
    ).exclude(file="", media_file="")
    for run in finished:
        for upload in (run.file, run.media_file):
            if upload:
                upload.storage.delete(upload.name)
        ImportRun.objects.filter(pk=run.pk).update(file="", media_file="")
