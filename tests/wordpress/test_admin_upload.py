"""An editor uploads an export in the admin; it is imported off the request (by the task
worker, or a process of its own), stored privately, reported in full, and a run whose
worker died ends failed with the reason."""

import csv
import io
import zipfile
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from posts.models import Media, Post
from wordpress import tasks
from wordpress.models import ImportEntry, ImportRun

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def upload(client, capture, data: bytes, name="blog.xml", **fields):
    with capture(execute=True):
        response = client.post(
            "/admin/wordpress/importrun/add/",
            {"file": SimpleUploadedFile(name, data, content_type="text/xml"), **fields},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportRun.objects.latest("pk")


def test_the_upload_is_queued_for_the_worker_not_imported_in_the_request(
    editor_client, wxr_file, media_root, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    run = upload(editor_client, django_capture_on_commit_callbacks, wxr_file.read_bytes())
    assert run.status == ImportRun.Status.QUEUED and not Post.objects.exists()
    page = editor_client.get(f"/admin/wordpress/importrun/{run.pk}/change/").content.decode()
    assert 'http-equiv="refresh"' in page and "db_worker" in page


def test_the_worker_imports_it_with_progress_and_the_admin_shows_every_entry(
    editor_client, wxr_file, media_root, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    run = upload(editor_client, django_capture_on_commit_callbacks, wxr_file.read_bytes())
    # Stored privately: outside MEDIA_ROOT, with no URL.
    assert (private_root / run.file.name).exists()
    assert not media_root.exists() or not any(media_root.rglob("*.xml"))
    call_command("import_wordpress", run=run.pk, stdout=io.StringIO())  # what the worker runs
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.heartbeat_at is not None
    assert run.items_done == run.items_total > 0
    assert run.report["counts"]["posts"]["created"] == 10
    page = editor_client.get(f"/admin/wordpress/importrun/{run.pk}/change/").content.decode()
    assert "100%" in page and 'http-equiv="refresh"' not in page
    entries = ImportEntry.objects.filter(run=run)
    assert entries.count() == run.report["entry_count"] > 0
    trashed = entries.get(kind="posts", wordpress_id=18)
    assert (trashed.title, trashed.field) == ("Nel cestino", "status")
    listing = editor_client.get(
        f"/admin/wordpress/importentry/?run__id__exact={run.pk}&action__exact=note"
    )
    assert "Nel cestino" in listing.content.decode()
    response = editor_client.get(f"/admin/wordpress/importrun/{run.pk}/report.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["kind", "wordpress_id", "title", "action", "field", "message"]
    assert len(rows) == entries.count() + 1
    assert rows[1 + list(entries.values_list("pk", flat=True)).index(trashed.pk)][:5] == [
        "posts",
        "18",
        "Nel cestino",
        "note",
        "status",
    ]


def test_the_media_zip_brings_the_images(
    editor_client,
    wxr_file,
    media_dir,
    media_root,
    private_root,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TASKS = DUMMY_TASKS
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in media_dir.rglob("*.*"):
            zipped.write(path, "wp-content/uploads/" + str(path.relative_to(media_dir)))
        zipped.writestr("../../escape.jpg", b"never written outside")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            "/admin/wordpress/importrun/add/",
            {
                "file": SimpleUploadedFile("blog.xml", wxr_file.read_bytes()),
                "media_file": SimpleUploadedFile("uploads.zip", archive.getvalue()),
            },
        )
    run = ImportRun.objects.get()
    tasks.run_upload(run.pk)
    assert Media.objects.count() == 2
    assert not (private_root.parent / "escape.jpg").exists()


def test_a_broken_upload_fails_with_its_reason_and_imports_nothing(
    admin_client, media_root, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    run = upload(admin_client, django_capture_on_commit_callbacks, b"<html><body>x</body></html>")
    tasks.run_upload(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "WordPress" in run.report["error"]
    assert not Post.objects.exists()


def test_a_run_whose_worker_died_ends_failed_with_the_reason(admin_client, private_root, db):
    run = ImportRun.objects.create(
        file="2024/01/blog.xml",
        status=ImportRun.Status.RUNNING,
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    alive = ImportRun.objects.create(
        file="2024/01/other.xml", status=ImportRun.Status.RUNNING, heartbeat_at=timezone.now()
    )
    admin_client.get("/admin/wordpress/importrun/")
    run.refresh_from_db()
    alive.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and "worker" in run.report["error"].lower()
    assert alive.status == ImportRun.Status.RUNNING


def test_uploads_are_deleted_once_kept_long_enough_and_the_report_stays(
    editor_client, wxr_file, media_root, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    settings.WORDPRESS_KEEP_UPLOADS_DAYS = 0
    run = upload(editor_client, django_capture_on_commit_callbacks, wxr_file.read_bytes())
    stored = private_root / run.file.name
    tasks.run_upload(run.pk)
    run.refresh_from_db()
    assert not stored.exists() and not run.file
    assert run.report["counts"]["posts"]["created"] == 10


def test_with_no_worker_the_import_runs_in_a_process_of_its_own(monkeypatch, db):
    started = []
    monkeypatch.setattr(tasks.subprocess, "Popen", lambda args, **kw: started.append(args))
    tasks.start_import(41)
    [args] = started
    assert args[-3:] == ["import_wordpress", "--run", "41"]


def test_a_dry_run_keeps_its_report_entries_and_writes_nothing_else(
    editor_client, wxr_file, media_root, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    run = upload(
        editor_client, django_capture_on_commit_callbacks, wxr_file.read_bytes(), dry_run="on"
    )
    tasks.run_upload(run.pk)
    run.refresh_from_db()
    assert run.report["dry_run"] and run.report["counts"]["posts"]["created"] == 10
    assert not Post.objects.exists()
    assert ImportEntry.objects.filter(run=run).count() == run.report["entry_count"] > 0
